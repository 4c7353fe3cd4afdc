/**
 * The lexicon layer (docs/safety.md): explicit, veiled, means and method, direct requests,
 * and the words themselves.
 *
 * Written against the folded text of `normalize.ts`, so:
 * - letters are squeezed: write "kil" for kill, "beter of" for better off, "ned" for need,
 *   "slep" for sleep (a phrase with a doubled letter in `squeezed` form never matches);
 * - apostrophes are gone: "dont", "im", "cant";
 * - a space in a phrase is optional, so glued words still match ("killmyself", "endmylife");
 * - `#` marks a clause break; phrases never cross it.
 *
 * Each phrase is a regular expression without nested quantifiers, so matching stays linear.
 * Err toward over-triggering; the `(?! ...)` tails only carve out everyday idioms.
 * A miss found in the wild goes into data/crisis-corpus/train/misses.jsonl first; fix the
 * layer that should have heard it (often a concept or a frame, not a new phrase here).
 */
import { compiled } from './compiled.ts';
import { despace, requiredLiterals } from './literals.ts';
import { isNegated } from './negation.ts';
import type { Folded } from './normalize.ts';

/**
 * Which list a phrase is on. Every list gives the resources; the tier is kept for counting.
 * - explicit: "I want to kill myself", "suicidal", "kms"
 * - veiled: "I won't be a problem much longer", "can't go on"
 * - means: pills saved up, a bridge, cutting, a rope, a gun
 * - request: a direct ask for help: "HELP", "I need help", "988", "not safe"
 * - mention: the words themselves ("suicide", "self-harm", "crisis"), also used about the topic
 */
export type LexiconTier = 'explicit' | 'veiled' | 'means' | 'request' | 'mention';

/** One compiled phrase, and which folded form it reads. */
export interface Phrase {
  tier: LexiconTier;
  form: 'squeezed' | 'plain';
  /** The source as compiled (spaces made optional). */
  pattern: string;
}

/**
 * Every phrase, most serious tier first. Built on first use: a fresh process pays for the
 * lists only when a message arrives, not when the gate loads.
 */
function buildPhrases(): Phrase[] {
  const SELF = '(?:myself|my self|mysef|myslef|mysel|meself|mself)';
  const PILLS =
    '(?:pils|pil|meds|medication|medications|medicine|medicines|tablets|sleping pils|sleping tablets|painkilers|pain kilers|tylenol|paracetamol|acetaminophen|ibuprofen|insulin|xanax|opioids|oxy|benzos|antidepresants|pil botle)';
  const PLACE =
    '(?:bridge|rof|rofs|roftop|building|window|balcony|clif|ledge|tower|overpas|parking garage|car park|tracks|dam|pier|motorway overpas)';
  /** Accidents and figures of speech after "cut/burn myself". */
  const CUT_ACCIDENT = String.raw`(?! (?:shaving|coking|choping|slicing|peling|on a|on some|on broken|on the|on her|on his|by acident|acidentaly|some slack|a break|slack|of|short|out|lose|a piece|a slice)\b)`;
  /** Escapes into something ordinary after "disappear" or "sleep forever": "into a book", "on weekends". */
  const ESCAPE = String.raw`(?! (?:into (?:a |the |my |some |)?(?:bok|boks|novel|story|game|movie|show|film|music|blanket|bed|couch|hobie|garden)|under (?:the |my |a )?(?:covers|blanket|duvet)|to (?:a|the|some|my) |somewhere|for (?:a|the|one|two|a few|some) |from social media|of social media|on (?:wekends|the wekend|sundays|saturdays|my days of|days of|holidays)|this wekend)\b)`;
  const HURT_ACCIDENT = String.raw`(?! (?:at the gym|lifting|playing|runing|working out|by acident|acidentaly|faling|on the stairs|sking|at practice)\b)`;

  const explicit = [
    // "I feel like dying", said plainly (not "of embarrassment" or "laughing").
    String.raw`\b(?:fel|feling|felt|fels) like (?:im )?(?:dying|i want to die|i could die|dying inside)\b(?! (?:of|laughing|from laughing|to (?:se|get|know|try|have|eat|go))\b)`,
    String.raw`\b(?:kil|kiling|kilin|kils|kiled|kild|end|ending|ended|unaliv|unaliving|delete|deleting|drown|drowning|poison|poisoning|starve|starving|sufocate|sufocating|strangle|strangling|hang|hanging|hung|electrocute|overdose|od) ${SELF}\b(?! laughing\b)`,
    String.raw`\b(?:hurt|hurting|hurts|harm|harming|harmed|injure|injuring) ${SELF}\b${HURT_ACCIDENT}`,
    String.raw`\b(?:shot|shoting|stab|stabing|stabed) ${SELF}\b(?! in the fot\b)`,
    // "my boss is going to kill me", "it would kill me to miss it": someone else's doing, an idiom.
    String.raw`(?<!\b(?:gona|going to|wil|would|shel|hel|theyl|youl|itl|hed|shed|theyd|youd|bosl|trying to|tried to|wants to|wanted to|out to|tryna) )\bkil me\b`,
    // "end me", "I want to end me"; "this homework is going to end me" is an idiom, as with "kill me".
    String.raw`(?<!\b(?:gona|going to|wil|would|shel|hel|theyl|youl|itl|hed|shed|theyd|youd|bosl|the|an|that|this|trying to|tried to|wants to|wanted to|out to|tryna) )\bend me\b`,
    // "I'm in crisis", "I'm in crisis at work": their own crisis, not the crisis team or line.
    String.raw`\b(?:im|i am|i m|am|i fel|feling|fel|been) (?:\w+ )?in (?:a )?crisis\b(?! (?:team|line|lines|center|centre|service|services|suport|plan|care|number|numbers|counselor|worker|text)\b)`,
    // "delete me from existence", "erase myself from the world".
    String.raw`\b(?:delete|deleting|erase|erasing|remove|wipe|scrub) (?:me|myself) (?:from|out of) (?:existence|this world|the world|this earth|the earth|this life)\b`,
    String.raw`(?<!\d )\bkms\b`,
    String.raw`\b(?:want|wana|ned|going|gona|about|fina|tryna|to) 2 kms\b`,
    String.raw`\b(?:kys|ctb)\b`,
    // "unalive", "unalived myself"; not "just unalived my bank balance", "unalived the final boss".
    String.raw`\bun aliv\w*\b(?! (?:the|a|an|this|that|his|her|their|our|your|my(?! ?self| ?life))\b)`,
    String.raw`\b(?:sewer|suwer|sue|soup|sowe) slide\b`,
    String.raw`\b(?:want|wana|wnat|wnt|whant|wanted|wanting|wants|wish|wished|ready|deserve|deserved|deserves|plan|planing|tempted|ned|neds|should|trying) (?:to |2 )?(?:just |realy |finaly |honestly |al )?(?:die|be dead|b dead|dead)\b(?! (?:of embarasment|of shame|of boredom|laughing|for (?:a|the|this|that|some|it))\b)`,
    String.raw`\b(?:hope|pray|praying|wish) (?:that )?i (?:just )?(?:die|dies)\b`,
    String.raw`\bhope to die (?:son|tonight|in my slep)\b`,
    String.raw`\blet me (?:just )?die\b`,
    String.raw`\bwish (?:that )?i (?:was|were|could be|could just be|d be|would be) dead\b`,
    // "I'd rather die than wear crocs": clothes and karaoke are a figure of speech.
    String.raw`\b(?:rather|soner) (?:just )?(?:be dead|die)\b(?! than (?:wear|do karaoke|sing karaoke)\b)`,
    String.raw`\b(?:beter|beter of|hapier) dead\b`,
    String.raw`\bshould (?:have|of|ve|just)? ?(?:just )?(?:died|ben dead|be dead)\b`,
    String.raw`\b(?:end|ending|ended|take|taking|tok|takes) (?:my|my own|mine) life\b(?! (?:back|in|into|to the|seriously|for granted|one|apart|more|over)\b)`,
    String.raw`(?<!\b(?:the|an|that|this|by the|in the) )\bend(?:ing)? (?:it al|everything)\b(?! with\b)`,
    String.raw`\b(?:want|wana|going|gona|ready|plan|planing|decided|deciding|about|tempted|thinking about|think about|thought about|thinking of|might|could|wil|il|i l|just|fel like|feling like|fels like|felt like) (?:to )?end(?:ing)? it\b(?! (?:with|of|for|betwen|early|on|at|al with)\b)`,
    String.raw`\bend(?:ing)? things\b(?! (?:with|betwen|of|on|of with|up)\b)`,
    String.raw`\b(?:quiero morir|me quiero morir|quiero matarme|me quiero matar|matarme|no quiero vivir|suicidarme)\b`,
    // Second review: "might as well die", typos of die after want ("dye"/"di" only when nothing follows:
    // "I want to dye my hair"), and the words spelled out or glued past the folding.
    String.raw`\bmight as wel (?:just )?(?:die|be dead)\b`,
    String.raw`\b(?:want|wana|wnat|wanted|ned) (?:to |2 )?(?:just )?(?:dye|di)\b(?= #| $)`,
    String.raw`\b(?:want|wana) #? ?to #? ?die\b(?! (?:of embarasment|of shame|of boredom|of cringe|laughing)\b)`,
    String.raw`\b(?:i )?wantodie\b`,
    String.raw`\b(?:kil|kiling|hurt|hurting|harm|harming) (?:urself|ur self)\b`,
  ];

  const means = [
    // "overdosed on sugar" is a figure of speech; any medicine still reads as means.
    // Asking how much it takes: "how many pills would kill me", "how much tylenol to die".
    String.raw`\bhow (?:many|much)\b[^#]{0,40}?\b(?:to|would|wil|could|can|til|until|is|are|before) (?:die|kil (?:me|myself|yourself|you|someone|a person)|overdose|od|end (?:it|my life)|be lethal|be fatal|lethal|fatal|an overdose|a lethal dose|dead)\b`,
    String.raw`\b(?:lethal|fatal|deadly) (?:dose|amount|quantity)\b`,
    // Looking up a method: "the most painless way to die", "googling how to die".
    String.raw`\b(?:painles|quickest|easiest|fastest|best|quick|easy|simplest|surest|least painful|sure|certain) (?:way|ways|method|methods) (?:to|of) (?:die|dying|kil myself|kil ${SELF}|end it|end it al|end my life|comit suicide|suicide|overdose|od)\b`,
    String.raw`\b(?:how (?:to|do i|can i|could i|should i|would i|do you|would you|do people|wil i) (?:just )?(?:die|kil myself|end my life|end it al|overdose|od|comit suicide|hang myself|painlesly die)|(?:ways|way|methods) to (?:die|kil myself|end my life|end it al))\b(?! (?:in (?:minecraft|a game|the game|fortnite|roblox)|laughing|of)\b)`,
    String.raw`\b(?:gona|going to|wana|want to|might|wil|about to|could|plan to|tryna|trying to|ready to) od\b`,
    String.raw`\bod(?:ing|ed|d)? on (?:pils|pil|meds|my|sleping|tylenol|insulin|something)`,
    String.raw`\b(?:saved|saving|save|stockpile|stockpiled|stockpiling|hoard|hoarded|hoarding|horded|colected|colecting|stashed|stashing|stash|kept|keping|storing|stored) (?:up )?(?:al |some |enough |a lot of |lots of |a bunch of )?(?:of )?(?:my |the |his |her |moms |dads |these |those )?${PILLS}\b`,
    String.raw`\b(?:take|taking|tok|swalow|swalowing|swalowed|down|downing|downed|eat|ate|eating) (?:al|every|the whole|a whole|a handful of|handful of|a bunch of|a lot of|lots of|to many|way to many|al of|the rest of) (?:of )?(?:my |the |these |those |his |her )?${PILLS}\b(?! (?:every|each|on time|as prescribed|today|this morning|in the morning|at night|with fod|with breakfast|like)\b)`,
    String.raw`\b(?:whole|entire|ful) (?:botle|pack|packet|box|container|bag) of ${PILLS}\b`,
    String.raw`\b(?:handful|handfuls) of ${PILLS}\b`,
    // "I have pills saved up", "I've got my meds stashed", "I have the pills right here".
    String.raw`\b${PILLS} (?:saved|stockpiled|stashed|hoarded|put aside|put away|set aside|ready|lined up|colected|counted out|right here|right in front of me|in front of me|in my hand|in my hands|next to me|beside me|out on the table)\b`,
    // A place or a means picked out ahead: "I have a bridge picked out".
    String.raw`\b(?:a|the) (?:${PLACE.slice(3, -1)}|rope|gun) (?:picked|chosen|planed|sorted|lined up|al planed) (?:out )?\b`,
    String.raw`\benough ${PILLS} (?:to|that|so)\b`,
    String.raw`\b(?:drink|drinking|drank|swalow|swalowing) (?:some |the )?(?:bleach|antifreze|poison)\b`,
    String.raw`(?<!\bbunge )\b(?:jump|jumping|jumped|jumps|leap|leaping|leapt|throw ${SELF}|throwing ${SELF}|threw ${SELF}|fling ${SELF}|fal|faling) (?:of|from|of of|out of|out) (?:a|the|this|that|my|our|some|his|her) (?:top of (?:a|the) )?${PLACE}\b`,
    String.raw`\b(?:step|steping|steped|walk|walking|walked|drive|driving|drove) (?:of|of of) (?:a|the|this|that|my|our|some|his|her) (?:top of (?:a|the) )?${PLACE}\b`,
    String.raw`\b(?:jump|jumping|jumped|jumps|leap|leaping) (?:of|from)\b(?= #| $| (?:it|something|tonight|again|now)\b)`,
    String.raw`\b(?:jump|jumping|jumped|step|steping|steped|throw ${SELF}|throwing ${SELF}|threw ${SELF}|lie down|lay down|laying down|lying down|walk|walking|walked) (?:in front of|infront of|under) (?:a|the|an|some|oncoming) (?:train|bus|truck|lory|car|trafic|subway|metro|tube)\b`,
    String.raw`\b(?:going to|gona|want to|wana|about to|ready to|tempted to|might|could|just) jump\b(?= #| $| (?:tonight|now|today|again)\b)`,
    String.raw`\b(?:im|i am|standing|stod|siting|sat|now) on (?:the|a|this|that) (?:rof|rof ledge|ledge|bridge|railing|edge of the rof|edge of the bridge)\b(?! (?:of (?:my|the|your|his|her) nose)\b)`,
    String.raw`\b(?:walk|walking|walked|step|steping|run|runing|jump|jumping) into (?:oncoming )?trafic\b`,
    String.raw`\b(?:thinking about|think about|thought about|thinking of|im at|i am at|im near|standing at|siting at|parked at|waiting at|standing on|stod on|stand on|siting on|sat on|drove to|drive to|driving to|walked to|walk to|went to|going to|go to) (?:the|a|this|that) (?:bridge|ledge)\b(?! (?:club|game|tournament|of (?:my|the|your|his|her) nose)\b)`,
    String.raw`\b(?:on|at|over|standing on|stand on|siting on|sat on) (?:the )?(?:edge|ledge|railing|rail) of (?:a|the|this) ${PLACE}\b`,
    String.raw`\b(?:drive|driving|drove|crash|crashing|crashed|ster|stering|swerve|swerving) (?:my car |the car |myself )?(?:of|into|of of) (?:a |the |an )?(?:bridge|clif|tre|wal|river|lake|oncoming|trafic|truck)\b`,
    String.raw`\b(?:crash|wreck) (?:my|the) car on purpose\b`,
    String.raw`\b(?:want|wana|going|gona|thinking about|thought about|think about|tempted|ned|planing|plan|might|could|about|ready) (?:to )?(?:crash|wreck|crashing|wrecking) (?:my|the|our) (?:car|truck|bike|motorbike|motorcycle)\b`,
    String.raw`\b(?:want|wana|wanting|hope|hoping|wish|wishing|pray|praying|tempted) (?:to |i |that i |i could |i would |i d |i wil |i wiled )?(?:just )?(?:get|be|got) (?:hit|run over|ran over|kiled) by (?:a|the|an|some) (?:bus|car|truck|train|lory|van|semi|taxi|tram)\b`,
    String.raw`\b(?:drink|drinking|drank|starve|starving|starved|bled|bleding|drug|druging|freze|frezing) ${SELF} to death\b`,
    String.raw`\b(?:want|wana|going|gona|tempted|ready|plan|planing|trying|about|thinking about|thought about) (?:to )?(?:drown|drowning)\b(?! (?:in|out|my sorows|sorows|the|this|it|them|him|her|everything|my)\b)`,
    String.raw`\b(?:cut|cuting|cutin|cuts|slit|sliting|slice|slicing|carve|carving) (?:my|up my|open my|into my) (?:wrist|wrists|arm|arms|thigh|thighs|leg|legs|skin|stomach|vein|veins|throat)\b${CUT_ACCIDENT}`,
    String.raw`\b(?:cut|cuting|cutin|cuts|slit|sliting|burn|burning|burned|burnt) ${SELF}\b${CUT_ACCIDENT}`,
    String.raw`\b(?:cuting|cutin) (?:again|myself)\b`,
    String.raw`\bcut again\b`,
    String.raw`\b(?:urge|urges|urged|want|wana|wanted|ned|neded|tempted|going|gona|started|start|starting|ben|stop|stoped|kep|kept|relapse|relapsed|relapsed and|back to|clean from|thinking about|thought about|temptation) (?:to )?(?:cut|cuting|cutin)\b(?! (?:back|down|of|out|it|ties|corners|the|a|an|clas|schol|carbs|sugar|costs|cost|someone|him|her|them|you|some|loses|in|through|work|cafeine|cofe|ahead|line|short|lose|me|things|people|contact|my|our|their|your|his|and|paper|coupons|to|that|this|these|those|fat|weight|calories|alcohol|drinking|smoking|spending|hours|gras|lawn|wod|vegetables|onions|hair|nails|up|open|together|it out)\b)`,
    String.raw`\b(?:wrist|wrists|arm|arms|cuts|thigh|thighs) (?:is |are |wont stop |kep |keps |)bleding\b`,
    String.raw`\b(?:have|got|made|did|more|some|my|showing|hiding|cover|covering|hide) (?:some |a few |more |new |)?(?:fresh|new|dep) (?:cuts|wounds|burns)\b(?! (?:of|on the|flowers|fries|fruit|hair)\b)`,
    String.raw`\ba (?:fresh|new|dep) (?:cut|wound|burn) on my (?:wrist|wrists|arm|arms|thigh|thighs|leg|legs|stomach)\b`,
    String.raw`\b(?:razor|razors|blade|blades|knife|knives|scisors|glas|shard) (?:to|on|against|acros) my (?:wrist|wrists|arm|arms|thigh|thighs|leg|legs|skin|throat)\b`,
    String.raw`\b(?:tie|tied|tying|make|made|making|bought|buy|buying|got|get|have|has|found|hang|hanging|hung) (?:a |the |some |up a |up the )?rope\b(?! (?:swing|lader|bridge|course|light|lights|toy|for (?:the|my) (?:tent|boat|dog|hamock|swing))\b)`,
    String.raw`\b(?:rope|belt|cord|cable|scarf|shet|ligature) (?:around|round|on|to) my neck\b`,
    String.raw`\bgun (?:to|in|against|at|under) my (?:head|mouth|temple|chest|chin)\b`,
    String.raw`\b(?:put|puting|hold|holding|held|point|pointing|pointed|pres|presing) (?:a|the|my|dads|his|her) (?:gun|pistol|revolver) (?:to|in|against|at|under) my\b`,
    String.raw`\b(?:bought|buy|buying|get|geting|got|have|own|load|loaded|loading|cleaning|holding|hold|grab|grabed|grabing|tok|found) (?:a |the |my |his |her |dads |my dads )?(?:gun|guns|pistol|revolver|shotgun|firearm|handgun)\b(?! (?:range|show|safety|license|licence|clas|game|games|leson|lesons|for hunting|to the range|to range)\b)`,
    String.raw`\b(?:gun|pistol|revolver|shotgun) is loaded\b`,
    String.raw`\b(?:want to|wana|going to|gona|ready to|about to|could|might|just|tempted to) pul the triger\b(?! on\b)`,
    String.raw`\bblow (?:my )?(?:brains|brain|head) (?:out|of)\b`,
    String.raw`\bbulet (?:in|into|through) my (?:head|brain|skul|mouth)\b`,
    String.raw`\b(?:car|engine) runing in the garage\b`,
    String.raw`\bgarage with the (?:car|engine) runing\b`,
    // Second review.
    String.raw`\b(?:thinking about|think about|thought about|thinking of|staring at|loking at|keep thinking about) (?:the|a|my) rope\b`,
    String.raw`\brope fuel\b`,
    // "rope" or "OD" as the whole message; in a sentence the word alone is too common.
    '(?:^|#) (?:rope|od) (?:#|$)',
    String.raw`\b(?:planed|planing|know|knew|figured out|worked out|decided|picked) (?:out )?(?:how|when|where) (?:id|i d|i would|i wil) do it\b(?! (?:diferently|beter|next|again|if|with|for|at work)\b)`,
    String.raw`\bhow (?:many|much) (?:of (?:my |the |these )?)?${PILLS} (?:does it take|dos it take|would it take|it takes|it would take|wil it take)\b(?! (?:to (?:work|kick in|help|start|fel|get|treat|cure|clear|fix)|a day|per day|each day|daily|every)\b)`,
    String.raw`\b(?:painles|least painful|quickest painles|peaceful) (?:way|ways|method|methods) (?:to go|out|to end it)\b(?! (?:to|for|about|of (?:the|a|this))\b)`,
    String.raw`\b(?:thinking about|thinking of|thought about|want to|wana|going to|gona|tempted to|might|could just|ned to|about to) (?:driving|drive|swerving|swerve|veering|veer) (?:my car |the car )?(?:of|of of) the road\b`,
    String.raw`\b(?:drink|drinking|eat|eating|starve|starving|stop eating|not eat|not eating|bled|bleding|cut|cuting|take pils|swalow pils|smoke|smoking|use|using) [^#]{0,20}?\b(?:until|til|untill) i (?:die|am dead|m dead|im dead|drop dead)\b`,
    String.raw`\b(?:holding|hold|held|have|got|grabed|grab|grabing) (?:a|the|my) (?:knife|blade|razor|razor blade)\b(?= #| $| (?:right now|now|again|in my hand|to my)\b)`,
    String.raw`\b(?:knife|blade|razor|gun) (?:is |are )?in my (?:hand|hands|lap)\b`,
    String.raw`\b(?:fresh|dep|new) cuts\b(?! (?:of|to|in|at|from|on the|flowers|fries|fruit|hair|meat|album)\b)`,
    String.raw`\bcuts on my (?:wrist|wrists|arm|arms|thigh|thighs|leg|legs|stomach|skin)\b(?! from\b)`,
    String.raw`\b(?:scratch|scratching|scratched|scrape|scraping|hit|hiting|punch|punching|punched|slap|slaping|slaped|beat|beating|bite|biting|pinch|pinching) (?:myself|my self)\b(?! (?:on (?:the|a|my)|with (?:the|a)|by acident|acidentaly|awake|out of|up|in the face with)\b)`,
    String.raw`\b(?:punch|punching|punched|hit|hiting) [^#]{0,15}?\band myself\b`,
    String.raw`\b(?:bang|banging|banged|smash|smashing|smashed) my head\b(?= #| $| (?:against|on|into) (?:the|a|my) (?:wal|walls|flor|desk|door|table|mirror)\b(?! (?:over|about|trying|with|on this|on that|on it|at work|because)\b))`,
    String.raw`\b(?:swalowed|downed) (?:some |a bunch of |a few |a lot of |extra |the |my |more )?${PILLS}\b(?! (?:with|for|this morning|as prescribed|on time|at)\b)`,
    String.raw`\bi (?:just |already |think i |)(?:od|oded)\b(?! on (?:sugar|cafeine|cofe|chocolate|candy|netflix)\b)`,
    String.raw`\bod (?:tonight|today|now|again|later|this wekend)\b`,
    String.raw`\b(?:final exit|exit bag)\b`,
    String.raw`\b(?:thinking of|thinking about|thought about|think about) jumping\b(?= #| $| (?:again|tonight|of|from)\b)`,
    String.raw`\b(?:standing|stod|siting|sat) on the edge\b(?= #| $)`,
    String.raw`\b(?:im|i am) on (?:the|a|this) roftop\b`,
    // "I cut" or "I'm cutting" as the whole message reads as self-harm; in a sentence it is cooking.
    '(?:^|#) (?:i|im|i am|ive ben) cut(?:ing)?(?: again)? (?:#|$)',
  ];

  /** Phrases that read the unsqueezed text: squeezing would turn "noose" into "nose" and "off" into "of". */
  const meansPlain = [
    String.raw`\bnoo+se`,
    String.raw`\b(?:jump|jumping|jumped|jumps|leap|leaping|leapt) off+\b(?! (?:a |the |my |this |that )?(?:call|zoom|meeting|phone|bandwagon|couch|sofa|bed|page|screen|plane|bus|boat|ferry|wagon|train|stage|diving|point|high dive|dock|rocks|pier into|swing|trampoline)\b)`,
    String.raw`\boff+ (?:myself|my self)\b`,
  ];

  const veiled = [
    String.raw`(?<!\b(?:it|that|this|which|thats|its|there) )\b(?:wont|wil not|not going to|not gona|wont even|may not|might not) be (?:a |your |anyones |the |such a |in your |in anyones |)?(?:problem|burden|bother|around|here|alive|trouble|isue|wory|way|hasle)\b(?: for| to anyone| to you| to anybody| to them)? ?(?:much longer|for much longer|for long|long|any longer|anymore|any more|after tonight|after today|son|much more|tomorow|by tomorow|in the morning|by morning|next week)\b(?! (?:# (?:(?:i |ive )?(?:have|got) |because of |bc of |due to |im at )|(?:(?:i |ive )?(?:have|got) |because of |bc of |due to |im at |for |at )?)(?:work|schol|clas|the ofice|a shift|my shift|an apointment|plans|practice|a trip|vacation|holiday|a meting|the meting|a conference)\b)`,
    String.raw`\b(?:wont|dont|not|wil not) (?:have to|ned to|neds to|even have to) (?:wory|deal|bother) (?:about|with) me (?:much longer|anymore|any more|any longer|for long|son|after tonight|after today|ever again)\b`,
    String.raw`\b(?:dont|do not|didnt|not|never) (?:want|wana|wish) (?:to )?wake up\b(?! (?:early|so early|this early|at (?:\d|non|dawn|five|six|seven|eight|nine)|before (?:\d|non|nine|ten|eleven|lunch)|yet|for (?:work|schol|clas|my shift))\b)`,
    String.raw`\b(?:hope|wish|pray|praying|hoping) (?:that )?(?:i |to )?(?:dont|do not|never|wont|wil not|wouldnt|didnt|not) wake up\b`,
    String.raw`\b(?:go to slep|going to slep|fal aslep|faling aslep|slep|goes to slep) and (?:never|not|dont|do not) wake up\b`,
    String.raw`\bnever wake up again\b`,
    String.raw`\bif i (?:dont|do not|didnt|never) wake up\b`,
    String.raw`\bnot wake up (?:again|tomorow|in the morning|ever)\b`,
    // "I could sleep forever", said and left there, is tiredness; anything after it still counts.
    String.raw`(?:(?<!\b(?:could|can|could just|can just) )\bslep forever\b|\bslep forever\b(?! #| $| (?:lol|haha|lmao|tbh|today|right now|on (?:wekends|the wekend|sundays|saturdays|my days of|days of|holidays|vacation)|this wekend)\b))`,
    String.raw`\band (?:never|not|dont|do not) wake up\b(?! (?:early|on time|late|til|until|before|at)\b)`,
    String.raw`\b(?:eternal|endles|permanent|forever) slep\b`,
    String.raw`\b(?:beter|hapier|easier) (?:of )?without me\b`,
    String.raw`\b(?:beter|beter of|hapier|easier|beter for everyone|easier for everyone) (?:of )?(?:if i (?:was|were|wasnt|werent|was not|were not|died|disapeared|was gone|were gone|wasnt here|wasnt around|was dead|were dead|never existed|had never ben born|didnt exist|was not here)|with me gone|with me dead|when im gone|once im gone|if im gone|if im dead|when im dead)\b`,
    String.raw`\bbeter of gone\b`,
    String.raw`\b(?:be|are|is|wil be|would be|d be|l be) (?:fine|ok|okay|god|beter|hapier|alright|al right) without me\b`,
    String.raw`\b(?:no one|none|nobody|nobody d|no one d|no one would|nobody would|none would|nobody wil|no one wil|no one even|nobody even|wouldnt even|nobody would even|no one would even|no one wouldve|nobody wouldve) (?:even )?(?:mis|care|notice) (?:me|if i|when i|that i|im gone|if im)\b`,
    String.raw`\b(?:no one|none|nobody) (?:would|wil|d|wouldve|would even|even|would ever) (?:care|mis me|notice)\b`,
    String.raw`\b(?:live or die|alive or dead|dead or alive|if i live or|if im alive or)\b`,
    String.raw`\b(?:cant|canot|can not|cnt|cant even|unable to|dont think i can|dont know if i can|dont know how to|dont want to|not sure i can|cant bring myself to|i canot) (?:go on|kep going|cary on|do this anymore|do this any more|do it anymore|do it any more|take it anymore|take it any more|take this anymore|take any more|take much more|take this any longer|take it any longer|live like this|live anymore|live any more|live with this|live with myself|cope anymore|cope any more|handle (?:this|it|life|anything) anymore|kep doing this|be here anymore|face another day|face tomorow|do life|kep living|go on living|kep fighting|fight anymore|fight this anymore|stay alive|kep myself alive)\b(?! (?:a|an|the|this|that|my|your|our|vacation|holiday|trip|date|stage|tv|line|air|about|and on|to|with|in|at|til|until|forever|without|job|work|clas|diet)\b)`,
    String.raw`\b(?:give|giving|gave|given) up on (?:life|living|everything|myself|being alive)\b`,
    String.raw`\bdone (?:with )?(?:life|living|being alive|existing|this life)\b`,
    String.raw`\bdone with it al\b`,
    String.raw`\b(?:tired|sick|exhausted|weary|sick and tired) (?:of|with) (?:living|being alive|life|existing|being here|waking up|this life|my life|being me)\b`,
    String.raw`\b(?:no|zero|not any|not a single|dont have a|dont have any|dont have|cant find a|cant find any|lost my|lost the|lost al|without a|no more|no real|lost any) (?:reason|reasons|point|purpose|wil|desire|hope|motivation) (?:to|in|for|of) (?:live|living|go on|going on|being alive|be alive|existing|exist|stay|staying alive|stay alive|kep going|be here|being here|life)\b`,
    String.raw`\bnothing (?:left )?to live for\b`,
    String.raw`\b(?:is not|isnt|s not|aint|not) worth (?:living|going on|the pain|being alive|staying alive)\b`,
    String.raw`\b(?:life|lifes|living|existing|my life|being alive) (?:is not|isnt|s not|aint|not|is no longer) worth it\b`,
    String.raw`\b(?:life|lifes|living|existing|my life|being alive|existence|everything) (?:is|fels|sems|just fels|is just|has become|became) (?:so |completely |totaly |realy |just )?(?:pointles|meaningles|worthles|hopeles)\b`,
    String.raw`\bwhat (?:is |s )?the point (?:of |in )?(?:living|life|being alive|going on|anything|existing|of it al|anymore|any more|of trying anymore|in trying anymore|in anything)\b`,
    String.raw`\bwhats the point (?:of |in )?(?:living|life|being alive|going on|anything|existing|it al|anymore|any more|trying anymore|in anything)\b`,
    String.raw`\b(?:no|only) way out\b(?! (?:of (?:this |the |that |my |our )?(?:meting|clas|lecture|cal|zom|party|contract|job|shift|lease|subscription|trafic|parking lot|maze|weding|diner|game|level|exam|rom|building)|is through)\b)`,
    String.raw`\b(?:no|dont se the|cant se the|dont se any|cant se any|dont se a|cant se a) point (?:anymore|any more|in anything|in going on|in trying anymore|to anything|in being here|in being alive)\b`,
    String.raw`\bpermanent solution\b`,
    String.raw`\bend (?:the|my|this|al the|al this) (?:pain|sufering|misery|hurt)\b`,
    String.raw`\b(?:want|wana|ned|wish|just want|just ned|make|let|please make) (?:it|this|everything|the pain|it al|al of it|al this|al this pain|my life|life|the hurt|the thoughts|the voices|the noise|the world) (?:would |to |wil |could |can )?(?:al )?(?:just )?(?:stop|end|be over|go away forever|stop forever|end forever|ends|stops)\b(?! (?:raining|snowing|ringing|beping|buzing|barking|crying|leaking|hurting so)\b)`,
    String.raw`\bwish (?:that )?i (?:wasnt|was not|werent|were not|wasn t|didnt|did not|couldnt|could not|dont|do not) (?:here|alive|around|born|living|on this earth|in this world|exist|have to exist|have to wake up|wake up|have to be here)\b`,
    String.raw`\bwish (?:that )?i (?:was|were|could be|could just be|d be|would be) (?:dead|gone|never born|not here|not alive|aslep forever|gone forever)\b`,
    String.raw`\bwish (?:that )?(?:i|id|i d|i had|i hadnt|i had not) (?:never )?(?:ben born|existed|woke up|woken up)\b`,
    String.raw`\bwish (?:that )?i (?:could|would|might|wil) (?:just )?(?:die|disapear|vanish|stop existing|not exist|cease to exist|fal aslep and never wake up|go to slep forever|slep forever|not wake up|never wake up|be gone|stop breathing)\b${ESCAPE}`,
    String.raw`\b(?:want|wana|wanting|ned) (?:to )?(?:disapear|vanish) (?:forever|for god|permanently|and never come back)\b`,
    // "I just want to disappear" is a common veiled way of saying it; err toward the resources.
    String.raw`\b(?:want|wana|wanting|ned|fel like|feling like) (?:to )?(?:just )?(?:disapear|disapearing|vanish|vanishing)\b${ESCAPE}`,
    String.raw`\b(?:want|wana|wanting|ned|i) (?:to )?(?:stop existing|not exist|cease to exist|not be alive|not be here anymore|be gone forever|be gone for god|stop breathing)\b`,
    // "I want my heart to stop", "stop my heart": a wish for the body to stop, said of the heart
    // or breath; "stop my heart racing" is anxiety, and stays out.
    String.raw`\b(?:want|wana|wanting|ned|wish|make|let|just want|please make|praying|pray) (?:for )?(?:my )?(?:heart|heartbeat|breathing|lungs) (?:would |to |wil |could |can |just )?(?:just )?(?:stop|give out|stop beating|quit|fail)\b(?! (?:racing|pounding|hurting|aching|skiping|fluttering)\b)`,
    String.raw`\b(?:stop|end|quit) my (?:heart|heartbeat|breathing)\b(?! (?:from|racing|pounding|hurting|aching|skiping|fluttering|rate)\b)`,
    String.raw`\b(?:want|wana|wanting|ned|wish i could|i could) (?:to |2 )?(?:just )?(?:not be here|not b here|not be around|not be on this earth)\b`,
    // "I want to be gone"; "gone by five", "gone for the weekend" are plans.
    String.raw`\b(?:want|wana|wanting|ned|ready) (?:to |2 )?(?:just )?(?:be|b) gone\b(?! (?:by (?:\d|non|lunch|one|two|thre|four|five|six|seven|eight|nine|ten|eleven|twelve)|for (?:the wekend|a wek|a few|the holidays|vacation|a while|awhile|a bit|an hour|the day|the sumer|work)|on (?:vacation|holiday|a trip))\b)`,
    String.raw`\b(?:i|im|me|i just|i realy|i probably) (?:shouldnt|should not|dont deserve to|wasnt meant to|was never meant to|am not meant to|not meant to|was not meant to) (?:even )?(?:be|b) (?:here|alive|around|on this earth|in this world|born)\b(?! yet\b)`,
    String.raw`\b(?:dont|do not|didnt|never|no longer) deserve (?:to )?(?:live|be alive|exist|be here|life|to be here|to exist)\b(?! (?:in|with|near|at|there|here|like this|like that|next|so|to)\b)`,
    String.raw`\b(?:dont|do not|didnt|never|no longer) (?:even |realy |just )?(?:want|wana) (?:to |2 )?(?:even )?(?:be|b) here\b`,
    String.raw`\b(?:wouldnt|would not|dont|do not|wouldn t) mind (?:if i )?(?:dying|being dead|death|not waking up|not being here|if i died|died|die|didnt wake up|never woke up)\b(?! (?:of|laughing|to)\b)`,
    String.raw`\b(?:dont|do not|wouldnt|would not|didnt|couldnt|could not|dont even) care (?:les |anymore |at al |)?(?:if|whether|that|when) i (?:live or )?(?:die|died|dont wake up|am dead|im dead|end up dead|get hurt|hurt myself|kil myself)\b(?! (?:trying|laughing|of)\b)`,
    String.raw`\b(?:not sure|unsure|dont know|dont know if|not certain|no longer sure|dont think|dont even know if) (?:if |whether |that )?(?:i |im )(?:even |realy |stil )?(?:want|wana) (?:to )?(?:live|be alive|be here|go on|exist|kep living|stay alive|kep going)\b(?! (?:in|with|near|at|there|here|on (?:campus|a|the)|to|a|an|the|this|that|alone|together|next|by|close|far|so)\b)`,
    // "I don't think I'll make it through the night".
    String.raw`\b(?:dont think|not sure|dont know if|doubt|dont se how|cant se how|dont believe|wont|might not|may not|not going to|not gona|probably wont|wil not) (?:that )?(?:i |il |i wil |im going to |im gona |i can |i could |i l )?(?:make it|get|last|survive|live) (?:through |til |until |past |to )?(?:the night|tonight|tomorow|morning|the morning|til morning)\b(?! (?:meting|shift|clas|sesion|apointment|lecture|run|train|bus|flight|workout|standup|party)\b)`,
    String.raw`\b(?:dont|do not|cant|canot|can not|no longer|dont even) trust ${SELF}\b(?! (?:to (?:make|pick|chose|decide|cok|remember|judge|text|spend|budget)|with (?:money|my money|fod|cake|chocolate|snacks|swets|a credit card|my credit card|the remote|plants)|around (?:fod|cake|chocolate|swets|snacks|desert))\b)`,
    String.raw`\b(?:scared|afraid|frightened|terified|woried|fear|fearful) (?:of )?what i (?:might|may|could|wil|would|am going to|m going to|im going to|am gona|im gona|might end up|could end up|il) (?:do|doing)\b(?! (?:wrong|at|for|with|next|about|on)\b)`,
    String.raw`\b(?:dont|do not|no longer|didnt|never) (?:even |realy |just )?(?:want|wana|wish|asked) (?:to )?(?:live|be alive|exist|be here anymore|be here any more|be on this earth|be in this world|be around anymore|stay alive|kep living|go on living|be born)\b(?! (?:in|with|near|at|there|here|on campus|alone|together|next|by|close|far|so|to)\b)`,
    String.raw`\b(?:saying|say|said|this is|wanted to say|want to say|just wanted to say|ned to say|my|final|last|a final|a last|one last|say my) (?:my )?(?:godbye|godbyes|god bye|god byes|bye forever|farewel|farewels)\b(?! to\s(?!(?:you|u|everyone|everybody|al|al of you|the world|this world|my family|my friends|life|it al|my kids|my children|you al)\b)\b)`,
    String.raw`\b(?:godbye|bye) (?:forever|for god|world|cruel world)\b`,
    String.raw`\bgodbye (?:leter|note|mesage|text|video)\b`,
    String.raw`\b(?:wrote|writen|writing|finished|left) (?:my|a) (?:final |last |godbye )?(?:note|leter|leters|notes)\b(?= #| $| (?:for|to) (?:everyone|everybody|my family|my kids|my parents|my mom|my dad|my wife|my husband|my partner)\b)`,
    String.raw`\b(?:giving|give|gave|given) away (?:al )?(?:of )?(?:my )?(?:stuf|things|belongings|posesions|everything i own)\b`,
    String.raw`\b(?:put|puting|geting|get|got) (?:al )?my (?:afairs|things|life) in order\b`,
    String.raw`\bwont (?:ever )?hear from me (?:again|anymore|ever again|after (?:this|tonight|today))\b`,
    String.raw`\blast time (?:you|u|youl|ul|you l|y al) (?:wil |ever |wil ever )?hear from me\b`,
    String.raw`\b(?:you|u|youl|ul|you l|you wil|u wil) (?:never|not|wont) (?:ever )?hear from me again\b`,
    String.raw`\bse (?:you|u) on the other side\b`,
    String.raw`\b(?:thoughts|thinking|thought|think|fantasize|fantasise|fantasizing|fantasising|obsesing|dreaming|dream) (?:of|about) (?:dying|death|ending it|not being here|not waking up|my death|my funeral|being dead|not existing)\b`,
    // Second review.
    String.raw`\b(?:i|im|me|i just|i realy) (?:shouldnt|should not|dont deserve to|wasnt meant to|was never meant to) (?:even )?exist\b`,
    String.raw`\b(?:hate|hating|hated) (?:being alive|existing|my existence|that im alive|that im stil alive|stil being alive|being me and alive)\b`,
    String.raw`\b(?:im|i am|i m|fel like|feling like|being) (?:a |just a |such a |nothing but a |only a )?waste of (?:space|oxygen|air|skin|a life)\b`,
    // "Thanks for everything, bye" closes an ordinary session; only a goodbye with an apology, or a
    // formal farewell, reads as a last message.
    String.raw`\b(?:sory|forgive me) for everything (?:# )?(?:godbye|god bye|bye|farewel)\b`,
    String.raw`\b(?:thank you|thanks|thank u) for everything (?:# )?(?:godbye|god bye|farewel)\b`,
    String.raw`\b(?:godbye|god bye|farewel) (?:to )?(?:everyone|everybody|y al|al of you|my friends|world|this world)\b(?! #? ?(?:se you|se u|talk|til|until|for now|have a|god night|gn)\b)`,
    String.raw`\b(?:cant|canot|cnt|can not) (?:do (?:it|this) )?(?:anymor|anymore|any more)\b`,
    String.raw`\b(?:im|i am) (?:so |just |realy |)done with everything\b(?= #| $| and every(?:one|body)\b)`,
    String.raw`\b(?:wont|wil not|not going to|not gona) be (?:around|here|alive) to se\b`,
    String.raw`\b(?:rather|prefer to|prefer) (?:just )?(?:not wake up|never wake up|not be here|not be alive|not exist|not live|be gone)\b`,
    String.raw`\b(?:beter|hapier|easier|beter for everyone|easier for everyone) (?:of )?if i just (?:died|disapeared|was gone|were gone|wasnt here|was dead|didnt exist|ended it)\b`,
    String.raw`\b(?:go to slep|going to slep|fal aslep|slep) and (?:never|not) wake\b`,
    String.raw`\b(?:ready to|want to|wana|wanting to|going to|gona|time to|about to|planing to|plan to|ned to|im|i am|tempted to) (?:just )?(?:leave|leaving|exit|exiting) (?:this|the) (?:world|earth|planet|life)\b(?! (?:a |beter|behind|of|to)\b)`,
    String.raw`\b(?:want|wana|ned|wish i could|ready|long) (?:to )?(?:be|go|join|se|go be) [^#]{0,30}?\b(?:in heaven|to heaven|in the afterlife|up there)\b`,
    String.raw`\b(?:want|wana|ned|wish i could|ready|long) (?:to )?(?:be with|join|go be with|se) (?:my )?(?:mom|mum|dad|mother|father|grandma|grandpa|granny|nana|brother|sister|son|daughter|wife|husband|baby|grandmother|grandfather|parents) (?:again|forever|soon)\b`,
    String.raw`\b(?:want|wana|ned|ready) (?:to )?(?:join|go be with) (?:my )?(?:mom|mum|dad|mother|father|grandma|grandpa|granny|nana|brother|sister|son|daughter|wife|husband|baby|grandmother|grandfather|parents)\b(?= #| $)`,
    String.raw`\b(?:se|be with|join|hug|hold|talk to) (?:my |our )?(?:dead|late|deceased) [a-z]+ again\b`,
    String.raw`\b(?:would|wil|does|do|would even|wil even) (?:anyone|anybody|someone|people|they|you) (?:even )?(?:care|notice|mis me) (?:if|when) i (?:died|die|was gone|were gone|disapeared|disapear|was dead|wasnt here|wasnt around|kiled myself|stoped existing)\b`,
    String.raw`\b(?:worthles|useles|a burden|a failure|hate myself|hate me) (?:and|so) (?:everyone|everybody|they|my family|people|the world) (?:would|wil|d|l) be (?:beter of|hapier|beter)\b`,
    String.raw`\b(?:dont|do not|no longer) belong (?:here anymore|here any more|anywhere anymore|in this world|on this earth|among the living)\b`,
    String.raw`\b(?:thinking about|thinking of|might|going to|gona|about to|tempted to|afraid i|scared i|worried i|afraid il|scared il|worried il) (?:wil |might |could )?(?:do|doing) something (?:stupid|drastic|permanent|i cant take back)\b(?![^#]{0,25}?\b(?:like|at work|with my money|lol)\b)`,
    String.raw`\b(?:afraid|scared|worried|terified) (?:that )?(?:i|il|i wil|i might) (?:do|doing) something\b(?= #| $| (?:to myself|tonight|bad)\b)`,
    String.raw`\bnothing maters (?:anymore|any more)\b`,
    String.raw`\b(?:im|i am) not (?:going to|gona) make it\b(?= #| $)`,
    String.raw`\b(?:take care of|lok after|fed|feed|care for) my (?:cat|dog|cats|dogs|pets|pet|kids|children|fish|bird|hamster|rabbit) for me\b(?= #| $| (?:when im gone|after im gone|please)\b)`,
    String.raw`(?<!\b(?:slep|rest|sleping|resting) )\b(?:when|after|once|by the time) im (?:gone|dead|no longer here|not here anymore|not around anymore)\b(?! (?:on|for|to|at|away|from|out|this|next|tomorow|over|til|until|during)\b)`,
    String.raw`\b(?:gave|giving|give|given|rehomed|rehoming) (?:away )?my (?:dog|cat|dogs|cats|pets|pet|bird|rabbit|hamster) away\b|\b(?:gave|giving|give|given) away my (?:dog|cat|dogs|cats|pets|pet|bird|rabbit|hamster)\b`,
    String.raw`\b(?:made|wrote|writen|writing|finished|making|did|sorted) (?:a|my) wil\b(?= #| $| (?:today|tonight|just in case|already|yesterday|this morning)\b)`,
    String.raw`(?:^|#|\bplease|\bjust|\bcan you|\bcould you|\bwil you) tel (?:my )?(?:mom|mum|dad|mother|father|family|kids|wife|husband|partner|sister|brother|parents|everyone|grandma|grandpa|son|daughter|friends|boyfriend|girlfriend) (?:that )?i (?:love|loved|am sory|m sory|im sory)\b`,
    String.raw`\b(?:no|dont se the|cant se the|dont se any|cant se any|dont se a|cant se a) point (?:of|in) (?:going on|living|life|being alive|being here|existing|trying anymore|anything anymore)\b`,
    String.raw`\b(?:plan and the means|plan and means|means and a plan|the means and a plan)\b`,
    // Slang: "SH" is self-harm and "SI" suicidal ideation, only beside words that say so.
    String.raw`\bsh (?:urges|urge|thoughts|relapse|scars|wounds|cuts|again|clean)\b`,
    String.raw`\b(?:relapsed|relapse|relapsing|urge to|urges to|want to|wana|tempted to) (?:on |with |into )?sh\b`,
    String.raw`\b(?:pasive|pasive|active|having|bad) si\b|\bsi (?:is|has ben|thoughts|urges|again)\b`,
  ];

  const request = [
    // 988 itself always reaches the resources, asked about or not: the reply says how to use it.
    String.raw`\b988\b`,
    String.raw`\bnine (?:eight eight|eighty eight|88)\b`,
    // "HELP", "help me", "please help" as a whole clause.
    '(?:^|#) (?:please |plz |pls |someone |somebody |sos |i ned |ned |i want |ayuda )?help(?: help)*(?: me)?(?: please| plz| pls| now| asap| me now)? (?:#|$)',
    '(?:^|#) (?:ayuda|ayudame|socoro)(?: por favor)? (?:#|$)',
    String.raw`\b(?:i|we) (?:realy |desperately |urgently |just |think i |seriously |)?(?:ned|want|neds) (?:some |real |profesional |urgent |serious |)?help\b(?! (?:with|chosing|picking|to pick|finding|to find|deciding|to decide|understanding|remembering|naming|seting|using|figuring|me pick|me chose|me find|me decide|me with|from you with|geting started|starting|to get started|to start|to remember|to name|to understand|to figure|on|for my|for the|for this|for that)\b)`,
    String.raw`\b(?:please|plz|pls|someone|somebody|sombody|anyone|anybody) help(?: me| us)?\b(?! (?:with|me with|me pick|me chose|me find|me decide|me remember|me understand|me figure|pick|chose|find|decide|me name|me out with)\b)`,
    String.raw`(?<!\b(?:this|it|that|thing|ap|how) )\bhelp me\b(?= #| $| (?:please|plz|pls|now|asap|i|im|someone|somebody|god)\b)`,
    String.raw`\b(?:ned|neds|want|wana) (?:someone|somebody|anyone|anybody|a person|a human|a real person) to (?:talk|speak) to\b`,
    String.raw`\b(?:ned|neds|want|wana|have) to (?:talk|speak) to (?:someone|somebody|anyone|anybody|a person|a human|a real person|a profesional|a counselor|a therapist)\b`,
    String.raw`\b(?:not|dont fel|do not fel|didnt fel|never fel|no longer fel|isnt|arent|not feling|cant be|dont know if im) safe\b(?! for work\b)`,
    String.raw`\bcant (?:kep|stay|be) (?:myself )?safe\b`,
    String.raw`\bunsafe\b`,
    String.raw`\b(?:sos|mayday)\b`,
  ];

  /**
   * The words themselves, which people also use to talk about the topic ("a suicide prevention
   * walk", "I volunteer at a crisis line"). The gate reads a mention as sure unless the message
   * is about the topic or a recovery, where it asks the grey-zone question instead.
   */
  const mention = [
    // Means named as a noun, which news, work and grief talk about too.
    String.raw`(?<!\b(?:sugar|cafeine|cofe|chocolate|candy|carb|cutenes|netflix) )\bover dos(?!(?:e|ed|ing|es)? on (?:sugar|cafeine|cofe|chocolate|candy|carbs|swets|netflix|tv|cutenes|junk fod|piza|cake|cokies|sunshine|memes|anime|snacks|christmas)\b)`,
    String.raw`\bcarbon monoxide\b`,
    String.raw`(?<!\b(?:buy|bought|buying|new|replace|change|order|ordered|pack of|spare|disposable) )\brazor blades?\b(?! (?:for shaving|refils|for my (?:razor|shaver))\b)`,
    // suicide and its typos: suicidal, sucidal, suicidle, suiside, suicdal
    String.raw`\bsu[ia]?i?[cs]i?d`,
    String.raw`\bsiu[cs]id`,
    String.raw`\bself (?:harm|injur|mutilat|delet|unaliv|destruct)`,
    String.raw`(?<!\b(?:midlife|mid life|identity|climate|housing|energy|cost of living|fuel|work|a work|ofice|pr) )\b(?:crisis|crises)\b(?! at work\b)`,
    String.raw`\bin crisis\b`,
    String.raw`\b(?:emergency|emergencies|emergancy|emergeny)\b(?! (?:brake|break|exit|exits|fund|funds|savings|contact|contacts|kit|alert|lights|vehicle|vehicles|landing|broadcast|alert system|stop|shower|power|generator)\b)`,
  ];

  const compile = (tier: LexiconTier, form: Phrase['form']) => (source: string) => {
    // A space in a phrase is optional: glued words ("killmyself") match too.
    return { tier, form, pattern: source.replace(/ /g, ' ?') };
  };

  return [
    ...explicit.map(compile('explicit', 'squeezed')),
    ...means.map(compile('means', 'squeezed')),
    ...meansPlain.map(compile('means', 'plain')),
    ...veiled.map(compile('veiled', 'squeezed')),
    ...request.map(compile('request', 'squeezed')),
    ...mention.map(compile('mention', 'squeezed')),
  ];
}

let phraseList: readonly Phrase[] | undefined;

/** Every phrase, most serious tier first. */
export function phrases(): readonly Phrase[] {
  phraseList ??= buildPhrases();
  return phraseList;
}

/** One phrase that matched, where, and whether its own clause negates it. */
export interface LexiconHit {
  tier: LexiconTier;
  negated: boolean;
}

/** A literal, with the hash of its first three letters for the trigram check before `includes`. */
interface Literal {
  text: string;
  /** gramOf its first three letters; -1 when it is shorter than three. */
  gram: number;
}

/**
 * Trigrams hashed into 2^16 bits. A clear bit means no trigram of the text has that hash, so
 * a literal starting with such a trigram is absent; a set bit may be another trigram's, and
 * then `includes` decides, as it always did: the same answer as a set of the trigrams
 * themselves, without a string and a Set entry per trigram of every message.
 */
const GRAM_BITS = 1 << 16;
const gramOf = (text: string, at: number): number =>
  ((text.charCodeAt(at) * 31 + text.charCodeAt(at + 1)) * 31 + text.charCodeAt(at + 2)) & (GRAM_BITS - 1);

/** One bit table per folded form a message has (two squeezed at most, and the plain one), reused. */
const gramTables: Int32Array[] = [];

/** Each phrase's RegExp, built on its first use: most messages never need most of them. */
const compiledPhrases: (RegExp | undefined)[] = [];

/**
 * V8 compiles a RegExp on its first exec: to bytecode when the text is short (and to machine
 * code on a later exec), straight to machine code when the text is 1,000 characters or more.
 * For the long phrases bytecode is the slow one to build (about 5 ms of CPU for the phrase
 * about saving up pills, against 1 ms for machine code; all 227 phrases about 200 ms against
 * 45 ms). So a phrase's first exec is on this blank line, where it matches nothing, and every
 * exec after runs on machine code compiled once, for one-byte and two-byte text alike.
 * Matching is the same whichever way V8 compiled the phrase.
 */
const COMPILE_ONCE = ' '.repeat(1000);

function compiledPhrase(i: number, pattern: string): RegExp {
  let re = compiledPhrases[i];
  if (re) return re;
  re = new RegExp(pattern, 'gu');
  re.exec(COMPILE_ONCE);
  compiledPhrases[i] = re;
  return re;
}

/** Each phrase's gates: one literal of every set must be in the text, or it cannot match. */
let gates: ReadonlyArray<readonly Literal[][] | null> | undefined;

/**
 * The gates, from compiled.ts (written by `npm run train:crisis`, each with the pattern it was
 * worked out for, in the lists' order), or worked out here for a pattern that file does not
 * hold in that place: a stale file costs time on the first message, never a missed phrase.
 * The patterns are compared whole, not by a hash of each: hashing 39,000 characters in code
 * V8 has not compiled yet was about 4 ms of the first check, comparing them a few hundred µs.
 */
function loadGates(): ReadonlyArray<readonly Literal[][] | null> {
  const stored = compiled('gates');
  return phrases().map((p, i) => {
    const known = stored[i];
    const sets = known !== undefined && known[0] === p.pattern ? known[1] : requiredLiterals(p.pattern);
    return (
      sets?.map((set) => set.map((text) => ({ text, gram: text.length < 3 ? -1 : gramOf(text, 0) }))) ?? null
    );
  });
}

/** The trigram bits of the text, in table number `slot`. */
function trigrams(text: string, slot: number): Int32Array {
  let bits = gramTables[slot];
  if (bits) bits.fill(0);
  else {
    bits = new Int32Array(GRAM_BITS / 32);
    gramTables[slot] = bits;
  }
  for (let i = 0; i + 3 <= text.length; i++) {
    const gram = gramOf(text, i);
    bits[gram >>> 5] = (bits[gram >>> 5] as number) | (1 << (gram & 31));
  }
  return bits;
}

const present = (text: string, grams: Int32Array, literal: Literal): boolean =>
  (literal.gram < 0 || ((grams[literal.gram >>> 5] as number) & (1 << (literal.gram & 31))) !== 0) &&
  text.includes(literal.text);

/**
 * Every phrase that matches the folded text. A phrase runs only when its required literals
 * are in the text (see literals.ts), and each runs on its own RegExp object, built once:
 * nothing is compiled per call, and V8 keeps what it compiled. `gated: false` runs every phrase (for the
 * test that the gates never skip a match).
 */
export function matchLexicon(folded: Folded, gated = true): LexiconHit[] {
  gates ??= loadGates();
  const hits: LexiconHit[] = [];
  const squeezed = folded.squeezed.map((form, slot) => {
    const despaced = despace(form);
    return { form, despaced, grams: trigrams(despaced, slot) };
  });
  const plainDespaced = despace(folded.plain);
  const plain = [
    { form: folded.plain, despaced: plainDespaced, grams: trigrams(plainDespaced, squeezed.length) },
  ];
  const list = phrases();
  for (let i = 0; i < list.length; i++) {
    const phrase = list[i] as Phrase;
    const required = gated ? gates[i] : null;
    for (const { form, despaced, grams } of phrase.form === 'plain' ? plain : squeezed) {
      if (required && !required.every((set) => set.some((literal) => present(despaced, grams, literal))))
        continue;
      // Compiled once, the first time a message could match it; then reused for good.
      const re = compiledPhrase(i, phrase.pattern);
      re.lastIndex = 0;
      for (let m = re.exec(form); m !== null; m = re.exec(form)) {
        hits.push({ tier: phrase.tier, negated: isNegated(form, m.index) });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
  return hits;
}

/** The gates of every phrase, in order, each with its pattern: what compiled.ts holds. */
export function computeGates(): [string, string[][] | null][] {
  return phrases().map((p) => [p.pattern, requiredLiterals(p.pattern)]);
}
