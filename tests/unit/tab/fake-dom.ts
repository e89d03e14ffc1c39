/**
 * Just enough of the DOM for src/tab/tab.js: elements by id (taken from the real HTML file),
 * text, attributes, children and events. Layout, CSS and the real teams-js are left to the
 * browser test.
 */
import { readFileSync } from 'node:fs';

type Listener = () => void;

export class FakeElement {
  children: FakeElement[] = [];
  hidden = false;
  className = '';
  value = '';
  checked = false;
  type = '';
  private text = '';
  private readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();

  constructor(
    readonly tagName: string,
    text = '',
  ) {
    this.text = text;
  }

  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join('');
  }

  set textContent(value: string) {
    this.text = String(value);
    this.children = [];
  }

  appendChild(child: FakeElement): FakeElement {
    this.children.push(child);
    return child;
  }

  replaceChildren(...children: FakeElement[]): void {
    this.text = '';
    this.children = children;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  dispatch(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }

  /** Elements below this one with the tag name, depth first. */
  find(tagName: string): FakeElement[] {
    return this.children.flatMap((child) => [
      ...(child.tagName === tagName ? [child] : []),
      ...child.find(tagName),
    ]);
  }
}

export interface FakeDocument {
  title: string;
  readonly documentElement: FakeElement;
  readonly body: FakeElement;
  getElementById(id: string): FakeElement | null;
  createElement(tagName: string): FakeElement;
  createTextNode(text: string): FakeElement;
  querySelectorAll(selector: string): FakeElement[];
}

/** A document with one element for every tag of the HTML file that has an id or a data-i18n key. */
export function fakeDocument(htmlFile: string): FakeDocument {
  const html = readFileSync(htmlFile, 'utf8');
  const byId = new Map<string, FakeElement>();
  const translated: FakeElement[] = [];
  const body = new FakeElement('body');
  for (const match of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)) {
    const [, tag = '', attributes = ''] = match;
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
    if (tag === 'body') body.setAttribute('data-page', attribute('data-page') ?? '');
    const id = attribute('id');
    const key = attribute('data-i18n');
    if (!id && !key) continue;
    const element = new FakeElement(tag);
    element.hidden = /\shidden\b/.test(attributes);
    if (id) byId.set(id, element);
    if (key) {
      element.setAttribute('data-i18n', key);
      translated.push(element);
    }
  }
  return {
    title: '',
    documentElement: new FakeElement('html'),
    body,
    getElementById: (id) => byId.get(id) ?? null,
    createElement: (tagName) => new FakeElement(tagName),
    createTextNode: (text) => new FakeElement('#text', text),
    querySelectorAll: (selector) => {
      if (selector !== '[data-i18n]') throw new Error(`fake DOM: unsupported selector ${selector}`);
      return translated;
    },
  };
}
