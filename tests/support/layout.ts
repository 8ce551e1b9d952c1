/**
 * Layout checks a person would make by eye, for browser tests of a region (a table, a view):
 * nothing sticks out past the region's sides unless it is inside something that scrolls; nothing
 * in a table cell is wider or taller than the cell (an input spilling over its neighbours); and
 * every control is the topmost thing at its own centre (not hidden under another element).
 */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

export async function expectTidy(region: Locator, what: string): Promise<void> {
  await region.scrollIntoViewIfNeeded();
  const problems = await region.evaluate((root) => {
    const found: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    // 1. Nothing sticks out of the region, unless something between scrolls (or clips) it.
    const outer = root.getBoundingClientRect();
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if ((r.left < outer.left - 1 || r.right > outer.right + 1) && !clipped(el))
        found.push(`${describe(el)} sticks out of the region`);
    }
    // 2. Nothing spills out of its cell.
    for (const cell of root.querySelectorAll('td, th')) {
      const box = cell.getBoundingClientRect();
      for (const el of cell.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
          found.push(`${describe(el)} spills out of its cell`);
      }
    }
    // 3. Every control is the topmost thing at its centre.
    for (const control of root.querySelectorAll('button, input, select, textarea, a[href]')) {
      const r = control.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      control.scrollIntoView({ block: 'center', inline: 'center' });
      const at = control.getBoundingClientRect();
      const top = document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
      if (!top || !(control === top || control.contains(top) || top.contains(control)))
        found.push(`${describe(control)} is covered by ${top ? describe(top) : 'nothing'}`);
    }
    return found;
  });
  expect(problems, `layout of ${what}`).toEqual([]);
}
