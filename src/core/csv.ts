/** One CSV field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
export const csvField = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A header line and rows as RFC 4180 CSV: CRLF line ends, the last line ended too. */
export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
  [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
