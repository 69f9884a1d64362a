import { describe, expect, it } from 'vitest';
import { createTextContent } from './text-content';

const MARKUP = '<img src=x onerror=alert(1)><b>粗体</b>';

describe('createTextContent', () => {
  it('when the text holds markup, then the node shows it literally and holds no element', () => {
    const node = createTextContent(MARKUP);
    expect(node.textContent).toBe(MARKUP);
    expect(node.children).toHaveLength(0);
    expect(node.innerHTML).toBe('&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;粗体&lt;/b&gt;');
  });
});
