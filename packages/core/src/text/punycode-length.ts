// Length of a domain label once IDNA-encoded (`xn--` + RFC 3492 Punycode), computed without
// building the string. X rejects a URL whose label encodes to more than 63 characters.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return Math.floor(k + ((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function punycodeLength(codePoints: number[]): number {
  let basic = 0;
  for (const cp of codePoints) if (cp < 0x80) basic++;
  let length = basic + (basic > 0 ? 1 : 0);
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  let handled = basic;
  while (handled < codePoints.length) {
    let m = Infinity;
    for (const cp of codePoints) if (cp >= n && cp < m) m = cp;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n) delta++;
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          length++;
          q = Math.floor((q - t) / (BASE - t));
        }
        length++;
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return length;
}

/** UTF-16 code units to code points, lone surrogates kept as themselves (as Punycode libraries do). */
function toCodePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
      i++;
    } else out.push(c);
  }
  return out;
}

/**
 * Length of `label` converted to ASCII the way IDNA's ToASCII does (parts split on the four
 * Unicode full stops, non-ASCII parts as `xn--` Punycode). Returns `Infinity` for labels that
 * are certainly longer than a DNS label may be.
 * @internal
 */
export function asciiLabelLength(label: string): number {
  let total = 0;
  let parts = 0;
  let start = 0;
  for (let i = 0; i <= label.length; i++) {
    const c = i < label.length ? label.charCodeAt(i) : -1;
    if (c === -1 || c === 0x2e || c === 0x3002 || c === 0xff0e || c === 0xff61) {
      const part = label.slice(start, i);
      parts++;
      let ascii = true;
      for (let j = 0; j < part.length; j++) if (part.charCodeAt(j) > 0x7e) ascii = false;
      if (ascii) total += part.length;
      else {
        const cps = toCodePoints(part);
        // Every code point yields at least one character: no need to encode a label this long.
        if (cps.length > 63) return Infinity;
        total += 4 + punycodeLength(cps);
      }
      start = i + 1;
    }
  }
  return total + parts - 1;
}
