import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../../src/channels/chat/render-text.ts';

describe('renderPlainText', () => {
  it('puts each beat on its own line and numbers the choices', () => {
    // Act
    const text = renderPlainText({
      beats: [{ text: 'Heavy. That makes sense.' }, { text: 'Want to try something for a minute?' }],
      choices: [
        { id: '1', label: 'a kind word to yourself' },
        { id: '2', label: 'one small action' },
      ],
      acceptsOwnWords: true,
      expectsAnswer: true,
      end: false,
    });

    // Assess
    expect(text).toBe(
      [
        'Heavy. That makes sense.',
        'Want to try something for a minute?',
        '1) a kind word to yourself',
        '2) one small action',
        'Reply 1 or 2, or text your own.',
      ].join('\n'),
    );
  });

  it('prints nothing for a silent reply', () => {
    // Act
    const text = renderPlainText({
      beats: [{ text: 'unused' }],
      expectsAnswer: false,
      end: true,
      silent: true,
    });

    // Assess
    expect(text).toBe('');
  });
});
