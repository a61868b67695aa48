// The delete tab: unbinds the object's name.
import { deleteLine } from '../../model/pythonLines'
import { LinePreview } from '../ActionResult'
import type { TabProps } from './tabProps'

export function DeleteTab({ src, run }: TabProps): React.JSX.Element {
  return (
    <div className="form">
      <LinePreview line={deleteLine(src)} />
      <button className="danger" data-testid="run-delete" onClick={() => void run(deleteLine(src))}>del {src}</button>
      <div className="muted small">Deletes the name; the storage lives on while another object views it.</div>
    </div>
  )
}
