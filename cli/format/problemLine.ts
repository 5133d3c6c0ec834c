import type { ImportProblem } from '../../geodata/import';

/**
 * One import problem as the CLI prints it: 'file:row: severity [field]: reason'.
 * @example problemLine({ file: 'a.csv', row: 3, field: '纬度', reason: 'is required', severity: 'error' }) // 'a.csv:3: error [纬度]: is required'
 */
export function problemLine(p: ImportProblem): string {
  return `${p.file}${p.row === null ? '' : `:${p.row}`}: ${p.severity}${p.field ? ` [${p.field}]` : ''}: ${p.reason}`;
}
