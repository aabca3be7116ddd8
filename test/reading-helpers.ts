/**
 * Characters per line of an element's text as laid out: each character's box from a Range,
 * grouped into lines by its top; the mean over the full lines (the last, short one left out).
 */
export function charactersPerLine(element: Element): number {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const lines = new Map<number, number>();
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!;
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      // Collapsed white space (the template's indentation) has no box and is not read.
      if (!rect) continue;
      const top = Math.round(rect.top + rect.height / 2);
      const line = [...lines.keys()].find((key) => Math.abs(key - top) < rect.height / 2) ?? top;
      lines.set(line, (lines.get(line) ?? 0) + 1);
    }
  }
  const counts = [...lines.entries()].sort(([a], [b]) => a - b).map(([, count]) => count);
  const full = counts.slice(0, -1);
  if (full.length === 0) throw new Error('the text fits on one line: nothing to measure');
  return full.reduce((sum, count) => sum + count, 0) / full.length;
}
