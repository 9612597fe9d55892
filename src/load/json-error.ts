// Where a JSON text stops being JSON. V8's JSON.parse only sometimes says ("at position N"), and
// the position scan (json.ts) takes any run of number and literal characters as one token, since
// it runs over every byte of 150 MB files: a bad literal or number (`tru`, `01`, `1.`) gets past
// it. This scanner, run only after JSON.parse has failed, always finds the offset. Iterative
// (explicit stack).

const ws = new Set([" ", "\t", "\n", "\r"]);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isHex = (c: string | undefined): boolean => c !== undefined && /[0-9a-fA-F]/.test(c);

/** End of the string starting at `i` (its closing quote + 1), or the error offset as -(offset + 1). */
function scanString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -(j + 1);
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === "u") {
        for (let k = j + 2; k < j + 6; k++) if (!isHex(text[k])) return -(Math.min(k, text.length) + 1);
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return -(Math.min(j + 1, text.length) + 1);
    }
  }
  return -(text.length + 1);
}

/** End of the number starting at `i`, or the error offset as -(offset + 1). */
function scanNumber(text: string, i: number): number {
  let j = i;
  if (text[j] === "-") j++;
  if (text[j] === "0") j++;
  else if (isDigit(text[j])) while (isDigit(text[j])) j++;
  else return -(j + 1);
  if (text[j] === ".") {
    j++;
    if (!isDigit(text[j])) return -(j + 1);
    while (isDigit(text[j])) j++;
  }
  if (text[j] === "e" || text[j] === "E") {
    j++;
    if (text[j] === "+" || text[j] === "-") j++;
    if (!isDigit(text[j])) return -(j + 1);
    while (isDigit(text[j])) j++;
  }
  return j;
}

/** End of a scalar (string, number, literal) at `i`, or the error offset as -(offset + 1). */
function scanScalar(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  if (c === "-" || isDigit(c)) return scanNumber(text, i);
  for (const word of ["true", "false", "null"]) {
    if (c !== word[0]) continue;
    for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) return -(i + k + 1);
    return i + word.length;
  }
  return -(i + 1);
}

/** Offset of the first character that makes `text` invalid JSON (text.length if it ends early). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && ws.has(text[i]!)) i++;
  };
  // Each stack entry is the container we are in and what it expects next.
  const stack: { kind: "{" | "["; expect: "first" | "key" | "colon" | "value" | "comma" }[] = [];
  let expectValue = true;
  for (;;) {
    skip();
    if (i > text.length) return text.length;
    const top = stack[stack.length - 1];
    if (expectValue) {
      const c = text[i];
      if (c === undefined) return i;
      if (c === "{" || c === "[") {
        stack.push({ kind: c, expect: "first" });
        i++;
        expectValue = false;
        continue;
      }
      const end = scanScalar(text, i);
      if (end < 0) return -end - 1;
      i = end;
      expectValue = false;
      if (!top) {
        skip();
        return i < text.length ? i : -1;
      }
      top.expect = "comma";
      continue;
    }
    if (!top) return i;
    const c = text[i];
    if (c === undefined) return i;
    if (top.expect === "first" && c === (top.kind === "{" ? "}" : "]")) {
      stack.pop();
      i++;
    } else if (top.expect === "comma" && c === ",") {
      i++;
      if (top.kind === "[") expectValue = true;
      else top.expect = "key";
      continue;
    } else if (top.expect === "comma" && c === (top.kind === "{" ? "}" : "]")) {
      stack.pop();
      i++;
    } else if (top.kind === "{" && (top.expect === "first" || top.expect === "key")) {
      if (c !== '"') return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      top.expect = "colon";
      continue;
    } else if (top.kind === "{" && top.expect === "colon") {
      if (c !== ":") return i;
      i++;
      top.expect = "value";
      expectValue = true;
      continue;
    } else if (top.kind === "[" && top.expect === "first") {
      expectValue = true;
      continue;
    } else {
      return i;
    }
    // A container just closed: it was a value of its parent.
    const parent = stack[stack.length - 1];
    if (!parent) {
      skip();
      return i < text.length ? i : -1;
    }
    parent.expect = "comma";
  }
}
