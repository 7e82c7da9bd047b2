/**
 * Tables drawn from column descriptors (columns.ts): `Table` for plain tables, `VirtualTable`
 * for long lists (history), and the grid parts a list that places its own rows builds on (the
 * live calls list).
 */
export { type Column, type SortState, nextSort } from './columns'
export { GridCells, GridHead, gridColumnsStyle } from './GridParts'
export { Table } from './Table'
export { VirtualTable } from './VirtualTable'
