/**
 * Checks that run inside the page (page.evaluate): each function is serialised on its own, so it
 * uses nothing from outside its body. The project's TypeScript has no DOM library; the few DOM
 * shapes used here are declared instead.
 */
interface DomElement {
  readonly id: string;
  readonly tagName: string;
  readonly className: string;
  readonly textContent: string | null;
  readonly parentElement: DomElement | null;
  readonly labels?: ArrayLike<DomElement> | null;
  readonly childNodes: ArrayLike<{ readonly nodeType: number; readonly textContent: string | null }>;
  getAttribute(name: string): string | null;
  getClientRects(): ArrayLike<unknown>;
  closest(selector: string): DomElement | null;
}
declare const document: {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementById(id: string): DomElement | null;
  readonly activeElement: DomElement | null;
};
declare function getComputedStyle(element: DomElement): {
  readonly color: string;
  readonly backgroundColor: string;
  readonly visibility: string;
};

/** Form controls without an accessible name (label, aria-label or aria-labelledby). */
export function unlabelledControls(): string[] {
  const named = (element: DomElement): boolean => {
    const texts: string[] = [];
    for (const label of Array.from(element.labels ?? [])) texts.push(label.textContent ?? '');
    texts.push(element.getAttribute('aria-label') ?? '');
    for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean))
      texts.push(document.getElementById(id)?.textContent ?? '');
    if (element.tagName === 'BUTTON') texts.push(element.textContent ?? '');
    return texts.some((text) => text.trim() !== '');
  };
  return Array.from(document.querySelectorAll('input:not([type="hidden"]), select, textarea, button'))
    .filter((element) => !named(element))
    .map((element) => `${element.tagName.toLowerCase()}#${element.id}`);
}

/** Visible text whose contrast with its background is below `minimum` (WCAG 2 ratio). */
export function contrastProblems(minimum: number): string[] {
  const rgba = (css: string): number[] => {
    const parts =
      /rgba?\(([^)]+)\)/
        .exec(css)?.[1]
        ?.split(/[,\s/]+/)
        .filter(Boolean)
        .map(Number) ?? [];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
    const channel = (value: number): number => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: DomElement | null): number[] => {
    for (let current = element; current; current = current.parentElement) {
      const colour = rgba(getComputedStyle(current).backgroundColor);
      if ((colour[3] ?? 0) > 0) return colour;
    }
    return [255, 255, 255, 1];
  };
  const problems: string[] = [];
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    const ownText = Array.from(element.childNodes)
      .filter((node) => node.nodeType === 3)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    if (!ownText || element.getClientRects().length === 0) continue;
    if (getComputedStyle(element).visibility !== 'visible' || element.closest('.visually-hidden, option'))
      continue;
    const fg = luminance(rgba(getComputedStyle(element).color));
    const bg = luminance(background(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < minimum)
      problems.push(
        `${element.tagName.toLowerCase()}#${element.id}.${element.className} ${ratio.toFixed(2)}`,
      );
  }
  return problems;
}

/** What has the keyboard focus: its id, else its class. */
export function focusedElement(): string {
  const element = document.activeElement;
  return element?.id || element?.className || '';
}
