// The accessibility audit that PageAudit runs in the page. Called with "page", it returns the
// problems of the whole page; with "focus", what the element that has the keyboard focus
// looks like. WCAG 2.2 numbers: 1.4.3 text contrast (4.5:1, 3:1 for large text), 1.4.11
// non-text contrast (3:1, the focus ring), 2.4.3 focus order, 2.4.7 focus visible.
const mode = arguments[0];

function describe(element) {
  let text = element.tagName.toLowerCase();
  if (element.id) text += '#' + element.id;
  if (element.getAttribute('name')) text += '[name=' + element.getAttribute('name') + ']';
  return text;
}

function isShown(element) {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
}

// Colours are compared as sRGB; a colour the audit cannot read is a problem, never a pass.
function parseColour(css) {
  const match = /^rgba?\(([^)]*)\)$/.exec(css.trim());
  if (!match) return null;
  const parts = match[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
  return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
}

function over(top, bottom) {
  const mix = (a, b) => a * top.a + b * (1 - top.a);
  return {r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1};
}

// The colour behind an element: its own background and its ancestors', down to the white canvas.
function backgroundOf(element) {
  const layers = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.backgroundImage !== 'none') return {unreadable: describe(node) + ' has a background image'};
    const colour = parseColour(style.backgroundColor);
    if (!colour) return {unreadable: describe(node) + ' has the background ' + style.backgroundColor};
    if (colour.a > 0) layers.push(colour);
    if (colour.a === 1) break;
  }
  return layers.reduceRight((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
}

function luminance(colour) {
  const channel = value => {
    const s = value / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b);
}

function contrast(foreground, background) {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

function contrastProblem(element, cssColour, background, minimum, what) {
  const colour = parseColour(cssColour);
  if (!colour) return describe(element) + ': cannot read the colour ' + cssColour + ' of its ' + what;
  if (background.unreadable) return describe(element) + ': cannot check the contrast of its ' + what + ', '
      + background.unreadable;
  const ratio = contrast(over(colour, background), background);
  return ratio + 0.005 < minimum
      ? describe(element) + ': the contrast of its ' + what + ' is ' + ratio.toFixed(2) + ':1, below ' + minimum + ':1'
      : null;
}

function isLargeText(style) {
  const size = parseFloat(style.fontSize);
  return size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
}

function auditPage() {
  const problems = [];
  if (!document.documentElement.lang) problems.push('the page has no lang attribute');
  if (!document.title.trim()) problems.push('the page has no title');
  if (!document.querySelector('meta[name=viewport]')) problems.push('the page has no viewport meta tag');
  if (!document.querySelector('main')) problems.push('the page has no main landmark');
  const headings = document.querySelectorAll('h1').length;
  if (headings !== 1) problems.push('the page has ' + headings + ' h1 headings, not one');

  for (const control of document.querySelectorAll('input, select, textarea')) {
    if (control.type === 'hidden') continue;
    const labelled = [...control.labels].some(label => label.textContent.trim())
        || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
    if (!labelled) problems.push(describe(control) + ' has no label');
  }
  for (const image of document.querySelectorAll('img')) {
    if (!image.hasAttribute('alt')) problems.push(describe(image) + ' (' + image.src + ') has no alt attribute');
  }
  for (const control of document.querySelectorAll('a[href], button')) {
    const images = [...control.querySelectorAll('img[alt]')].map(image => image.alt).join('');
    if (!(control.textContent.trim() || control.getAttribute('aria-label') || images.trim())) {
      problems.push(describe(control) + ' has no name');
    }
  }
  for (const element of document.querySelectorAll('[tabindex]')) {
    if (element.tabIndex > 0) problems.push(describe(element) + ' changes the focus order with a positive tabindex');
  }

  for (const element of document.body.querySelectorAll('*')) {
    const hasText = [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
    if (!hasText || !isShown(element)) continue;
    const style = getComputedStyle(element);
    const problem = contrastProblem(element, style.color, backgroundOf(element), isLargeText(style) ? 3 : 4.5, 'text');
    if (problem) problems.push(problem);
  }
  for (const input of document.querySelectorAll('input[placeholder]')) {
    const placeholder = getComputedStyle(input, '::placeholder');
    const problem = contrastProblem(input, placeholder.color, backgroundOf(input), 4.5, 'placeholder');
    if (problem) problems.push(problem);
  }

  const loaded = [location.href, ...performance.getEntriesByType('resource').map(entry => entry.name)];
  const referenced = [...document.querySelectorAll('[src], link[href]')]
      .map(element => new URL(element.getAttribute('src') || element.getAttribute('href'), location.href).href);
  for (const url of new Set([...loaded, ...referenced])) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'data:' && parsed.hostname !== '127.0.0.1') problems.push('the page loads ' + url);
  }
  return problems;
}

// The element with the keyboard focus: where it is in the reading order, and its focus ring.
function focusedElement() {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const style = getComputedStyle(element);
  const ringWidth = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  const everything = [...document.querySelectorAll('*')];
  const ring = ringWidth >= 2
      ? contrastProblem(element, style.outlineColor, backgroundOf(element.parentElement), 3, 'focus ring')
      : describe(element) + ' shows no focus ring (outline ' + style.outlineStyle + ' ' + style.outlineWidth + ')';
  return {element: describe(element), id: element.id, position: everything.indexOf(element), ringProblem: ring};
}

return mode === 'focus' ? focusedElement() : auditPage();
