// The edit tab: writes one element. A cell clicked in the view fills the index.
import { useEffect, useState } from 'react'
import { editLine, parseIntList, valueLiteral } from '../../model/pythonLines'
import { LinePreview } from '../ActionResult'
import type { TabProps } from './tabProps'

interface EditTabProps extends TabProps {
  /** The index of the cell last clicked on this object, if any. */
  pickedIndex: readonly number[] | null
}

export function EditTab({ sel, src, run, pickedIndex }: EditTabProps): React.JSX.Element {
  const [editIndex, setEditIndex] = useState(() => pickedIndex?.join(', ') ?? '')
  const [editValue, setEditValue] = useState('')
  useEffect(() => { if (pickedIndex) setEditIndex(pickedIndex.join(', ')) }, [pickedIndex])

  const lit = valueLiteral(sel.info.dtype, editValue)
  const idx = parseIntList(editIndex, true)
  const line = lit !== null && idx && idx.length === sel.info.shape.length ? editLine(src, idx, lit) : null
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); void run(line) }}>
      <input value={editIndex} placeholder={`index: ${sel.info.shape.length} ints (click a cell)`} onChange={(e) => setEditIndex(e.target.value)} data-testid="edit-index" spellCheck={false} />
      <input value={editValue} placeholder={`value (${sel.info.dtype})`} onChange={(e) => setEditValue(e.target.value)} data-testid="edit-value" spellCheck={false} />
      <LinePreview line={line} />
      <button type="submit" disabled={!line} data-testid="run-edit">Write</button>
    </form>
  )
}
