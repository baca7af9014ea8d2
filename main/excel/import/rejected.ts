import type { Cell } from './read.js';

/**
 * The rows the import refused, with the original header and a reason column first, so the sender can fix them
 * and the file can be imported again as it is (the reason column is not mapped).
 */
export async function writeRejectedWorkbook(
  target: string,
  headers: string[],
  rows: { row: number; cells: Cell[]; message: string }[],
): Promise<void> {
  // loaded on demand: an import that rejects nothing never needs the workbook writer (and its ~20 MB)
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Abgelehnt');
  ws.addRow(['Zeile', 'Grund', ...headers]).font = { bold: true };
  for (const r of rows) {
    const added = ws.addRow([r.row, r.message, ...r.cells.map((c) => (c === null ? '' : c))]);
    added.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd.mm.yyyy';
    });
  }
  ws.getColumn(2).width = 45;
  await wb.xlsx.writeFile(target);
}
