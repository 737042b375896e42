// The scoreboard's one rule: a line kept its id when the logger printed the
// id of the request that really logged it; lost it when it printed '-'
// (getStore() was undefined); mixed it up when it printed another id.
export function classify(text, truth) {
  const printed = text.slice(0, text.indexOf(':'));
  if (printed === String(truth)) return 'kept';
  return printed === '-' ? 'lost' : 'mixed';
}

export function countsLine({ kept, lost, mixed }) {
  return `${kept + lost + mixed} lines: ${kept} kept, ${lost} lost, ${mixed} mixed`;
}
