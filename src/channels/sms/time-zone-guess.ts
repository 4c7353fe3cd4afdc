/**
 * A first guess of a texter's time zone from their number: the area code inside the +1
 * plan (US and Canada), the country code elsewhere. Only a guess: the reminder's consent
 * names the zone, and "I'm in Denver" changes it (src/core/reminders/zones.ts). Like the
 * crisis region, only the guess goes on; the number goes no further.
 */

/** IANA zone -> the +1 area codes mostly in it (a state split between zones takes its larger part). */
const AREA_CODES_BY_ZONE: Readonly<Record<string, string>> = {
  'America/Los_Angeles':
    '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 831 837 840 858 909 916 925 949 951 206 253 360 425 509 564 458 503 541 971 702 725 775',
  'America/Denver': '303 719 720 970 983 385 435 801 505 575 406 307 208 986 915',
  'America/Phoenix': '480 520 602 623 928',
  'America/Chicago':
    '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979 217 224 309 312 331 447 464 618 630 708 773 779 815 847 872 218 320 507 612 651 763 952 262 274 414 534 608 715 920 319 515 563 641 712 314 417 557 573 636 660 816 975 327 479 501 870 225 318 337 504 985 228 601 662 769 205 251 256 334 659 938 405 539 572 580 918 316 620 785 913 308 402 531 605 701 615 629 731 901 931 219 270',
  'America/New_York':
    '212 315 332 347 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934 201 551 609 640 732 848 856 862 908 973 215 223 267 272 412 445 484 570 582 610 717 724 814 835 878 339 351 413 508 617 774 781 857 978 203 475 860 959 401 603 802 207 227 240 301 410 443 667 202 771 276 434 540 571 703 757 804 826 948 304 681 252 336 472 704 743 828 910 919 980 984 803 839 843 854 864 229 404 470 478 678 706 762 770 912 943 239 305 321 324 352 386 407 448 561 645 656 689 727 754 772 786 813 850 863 904 941 954 216 220 234 326 330 380 419 440 513 567 614 740 937 231 248 269 313 517 586 616 679 734 810 906 947 989 260 317 463 574 765 812 930 364 502 606 859 423 865 302',
  'America/Anchorage': '907',
  'Pacific/Honolulu': '808',
  'America/Puerto_Rico': '787 939',
  'America/St_Thomas': '340',
  'Pacific/Guam': '671',
  'America/Vancouver': '236 250 257 604 672 778',
  'America/Edmonton': '368 403 587 780 825 867',
  'America/Regina': '306 474 639',
  'America/Winnipeg': '204 431 584',
  'America/Toronto':
    '226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 807 905 942 263 354 367 418 438 450 468 514 579 581 819 873',
  'America/Halifax': '428 506 782 902',
  'America/St_Johns': '709 879',
};

const ZONE_BY_AREA_CODE: ReadonlyMap<string, string> = new Map(
  Object.entries(AREA_CODES_BY_ZONE).flatMap(([zone, codes]) =>
    codes.split(' ').map((code) => [code, zone] as const),
  ),
);

/** Country code -> a zone most of its people live in. Longest prefix first. */
const ZONE_BY_COUNTRY: ReadonlyArray<readonly [string, string]> = [
  ['+353', 'Europe/Dublin'],
  ['+44', 'Europe/London'],
  ['+61', 'Australia/Sydney'],
  ['+64', 'Pacific/Auckland'],
  ['+91', 'Asia/Kolkata'],
  ['+52', 'America/Mexico_City'],
  ['+33', 'Europe/Paris'],
  ['+34', 'Europe/Madrid'],
  ['+49', 'Europe/Berlin'],
  ['+39', 'Europe/Rome'],
  ['+31', 'Europe/Amsterdam'],
  ['+55', 'America/Sao_Paulo'],
  ['+63', 'Asia/Manila'],
  ['+81', 'Asia/Tokyo'],
  ['+82', 'Asia/Seoul'],
  ['+84', 'Asia/Ho_Chi_Minh'],
  ['+86', 'Asia/Shanghai'],
];

/** The zone a number's area or country code suggests; undefined when there is no good guess. */
export function timeZoneGuessForPhone(e164: string): string | undefined {
  if (/^\+1\d{10}$/.test(e164)) return ZONE_BY_AREA_CODE.get(e164.slice(2, 5)) ?? 'America/New_York';
  return ZONE_BY_COUNTRY.find(([prefix]) => e164.startsWith(prefix))?.[1];
}
