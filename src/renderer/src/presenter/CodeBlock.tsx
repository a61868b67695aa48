// A step's code in large type, highlighted with the same Python grammar the
// runner parses (@lezer/python) and the console's colours (--syn-* variables).
import { Fragment, useMemo } from 'react'
import { parser } from '@lezer/python'
import { highlightCode, tagHighlighter, tags as t } from '@lezer/highlight'

const highlighter = tagHighlighter([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], class: 'syn-keyword' },
  { tag: [t.string, t.special(t.string)], class: 'syn-string' },
  { tag: [t.number, t.bool, t.null], class: 'syn-number' },
  { tag: t.comment, class: 'syn-comment' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], class: 'syn-func' },
  { tag: t.propertyName, class: 'syn-prop' },
  { tag: [t.operator, t.compareOperator, t.arithmeticOperator], class: 'syn-op' }
])

export function CodeBlock({ code, testId }: { code: string; testId?: string }): React.JSX.Element {
  const lines = useMemo(() => {
    const out: React.ReactNode[][] = [[]]
    let key = 0
    highlightCode(code, parser.parse(code), highlighter,
      (text, classes) => out[out.length - 1].push(classes ? <span key={key++} className={classes}>{text}</span> : text),
      () => out.push([]))
    return out
  }, [code])
  return (
    <pre className="presenter-code" data-testid={testId}>
      {lines.map((parts, i) => <Fragment key={i}>{parts}{i < lines.length - 1 ? '\n' : ''}</Fragment>)}
    </pre>
  )
}
