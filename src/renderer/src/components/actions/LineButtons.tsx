// The convert and copy tabs: one button per operation the object's kind has,
// each running `out = <expression>` and showing the expression it runs.
import { conversionLine, conversionsFor, copiesFor, copyLine } from '../../model/pythonLines'
import type { TabProps } from './tabProps'

interface LineButtonsProps<Op extends string> extends TabProps {
  testPrefix: string
  ops: readonly Op[]
  lineFor: (out: string, src: string, op: Op) => string
}

function LineButtons<Op extends string>({ src, outName, nameOk, run, testPrefix, ops, lineFor }: LineButtonsProps<Op>): React.JSX.Element {
  return (
    <div className="btn-grid">
      {ops.map((op) => {
        const line = lineFor(outName, src, op)
        return (
          <button key={op} disabled={!nameOk} data-testid={`${testPrefix}-${op}`} onClick={() => void run(line)} title={line}>
            {line.split(' = ')[1]}
          </button>
        )
      })}
    </div>
  )
}

export function ConvertTab(props: TabProps): React.JSX.Element {
  return <LineButtons {...props} testPrefix="convert" ops={conversionsFor(props.sel.info.kind)} lineFor={conversionLine} />
}

export function CopyTab(props: TabProps): React.JSX.Element {
  return <LineButtons {...props} testPrefix="copy" ops={copiesFor(props.sel.info.kind)} lineFor={copyLine} />
}
