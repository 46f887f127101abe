// Console lines fitted to the terminal, for the live lines (cli/outcomes-reporter.ts) and the summary (cli/summary.ts):
// a title is cut only when the terminal has no room for it, and a reason is wrapped at spaces and cut before a JSON
// body rather than inside it. Every cut ends with … so nobody mistakes a cut line for the whole text.

/** The terminal's width: the TTY's, else $COLUMNS (a pipe has no width of its own), else 100. */
export function terminalWidth(): number {
  const columns = process.stdout.columns || Number(process.env.COLUMNS) || 100;
  return Math.max(40, Math.floor(columns));
}

/** At most `width` characters; a cut ends with …, after a whole word when one ends near the limit. */
export function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return '…';
  const space = text.lastIndexOf(' ', width - 1);
  return `${text.slice(0, space > width * 0.6 ? space : width - 1).trimEnd()}…`;
}

/**
 * Where to cut `text` so that what is kept is at most `room` long: before a JSON body (or array) that would be left
 * open, else at the last space; a hard cut only when no space is past a quarter of the room.
 */
function cutPoint(text: string, room: number): number {
  const at = text.lastIndexOf(' ', room);
  let open = -1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < room; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"' && depth > 0) inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) open = i;
      depth++;
    } else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  if (depth > 0 && open > 0) return open;
  return at > room / 4 ? at : room;
}

/** `text` in at most `lines` lines of `width`, broken at spaces; `cut` says whether the text did not all fit. */
export function wrap(text: string, width: number, lines = 2): { lines: string[]; cut: boolean } {
  const out: string[] = [];
  let rest = text.replace(/\s+/g, ' ').trim();
  while (rest !== '' && out.length < lines) {
    if (rest.length <= width) {
      out.push(rest);
      rest = '';
      break;
    }
    const last = out.length === lines - 1;
    const at = cutPoint(rest, last ? width - 1 : width);
    out.push(last ? `${rest.slice(0, at).trimEnd()}…` : rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return { lines: out, cut: rest !== '' };
}
