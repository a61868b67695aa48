// The console: a CodeMirror 6 editor with Python highlighting that runs the
// runner, the transcript as Python prints it (>>> prompt, output, traceback),
// and history on up/down. Enter runs; Shift+Enter (or a line ending in ':')
// starts a new line for a block.
import { useEffect, useRef, useState } from 'react'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, placeholder } from '@codemirror/view'
import { defaultKeymap, history as undoHistory, historyKeymap, insertNewlineAndIndent } from '@codemirror/commands'
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language'
import { python } from '@codemirror/lang-python'
import { tags as t } from '@lezer/highlight'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { newer, older } from '../model/history'
import { suggestFix } from '../model/errorHints'
import type { TranscriptEntry } from '../state/appState'
import { WorkingFolderButton, WorkingFolderForm } from './WorkingFolder'

// Colours come from CSS variables so one style serves both themes.
const pyStyle = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--syn-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: t.comment, color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--syn-func)' },
  { tag: t.propertyName, color: 'var(--syn-prop)' },
  { tag: t.operator, color: 'var(--syn-op)' }
])

export function ConsolePanel(): React.JSX.Element {
  const { store, controller } = useApp()
  const transcript = useStore(store, (s) => s.transcript)
  const busy = useStore(store, (s) => s.busy)
  // The running badge and the Stop button come together, once a run has lasted a moment.
  const slow = useDelayedFlag(busy > 0, SLOW_RUN_MS)
  const hostRef = useRef<HTMLDivElement>(null)
  const outRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const [folderForm, setFolderForm] = useState(false)

  useEffect(() => {
    const replace = (v: EditorView, text: string): void => {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text }, selection: { anchor: text.length } })
    }
    const submit = (v: EditorView): boolean => {
      const code = v.state.doc.toString()
      if (!code.trim()) return true
      replace(v, '')
      void controller.run(code, 'console')
      return true
    }
    const view = new EditorView({
      parent: hostRef.current!,
      state: EditorState.create({
        doc: '',
        extensions: [
          keymap.of([
            {
              key: 'Enter',
              run: (v) => {
                // Inside a block (last line ends with ':' or is indented) Enter continues it; an empty last line ends it.
                const doc = v.state.doc
                const last = doc.line(doc.lines).text
                const inBlock = /:\s*$/.test(last) || (doc.lines > 1 && last.trim() !== '')
                if (inBlock) return insertNewlineAndIndent(v)
                return submit(v)
              }
            },
            { key: 'Shift-Enter', run: insertNewlineAndIndent },
            { key: 'Mod-Enter', run: submit },
            {
              key: 'ArrowUp',
              run: (v) => {
                if (v.state.doc.lineAt(v.state.selection.main.head).number !== 1) return false
                const r = older(controller.history, v.state.doc.toString())
                controller.history = r.history
                replace(v, r.text)
                return true
              }
            },
            {
              key: 'ArrowDown',
              run: (v) => {
                if (v.state.doc.lineAt(v.state.selection.main.head).number !== v.state.doc.lines) return false
                const r = newer(controller.history, v.state.doc.toString())
                controller.history = r.history
                replace(v, r.text)
                return true
              }
            },
            { key: 'Mod-l', run: () => { store.dispatch({ type: 'clearTranscript' }); return true } },
            ...historyKeymap,
            ...defaultKeymap
          ]),
          undoHistory(),
          python(),
          indentUnit.of('    '),
          syntaxHighlighting(pyStyle),
          placeholder('a = np.arange(12, dtype=np.float32).reshape(3, 4)    (Enter runs · ↑/↓ history · Shift+Enter new line)'),
          EditorView.contentAttributes.of({ 'aria-label': 'Python console input', 'data-testid': 'console-editor' })
        ]
      })
    })
    viewRef.current = view
    const focusConsole = (): void => view.focus()
    window.addEventListener('stridescope:focus-console', focusConsole)
    return () => {
      window.removeEventListener('stridescope:focus-console', focusConsole)
      view.destroy()
    }
  }, [controller, store])

  useEffect(() => {
    const el = outRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [transcript])

  return (
    <div className="panel console" data-testid="console">
      <div className="panel-head">Console <span className="muted small">Python (NumPy/PyTorch) · the runner</span>
        {slow && <span className="badge busy" data-testid="console-busy">running…</span>}
        <WorkingFolderButton editing={folderForm} onEdit={() => setFolderForm((f) => !f)} />
        {slow && (
          <button className="stop" data-testid="console-stop" title="Stop the running program (KeyboardInterrupt); what it made before stays"
            onClick={() => void controller.interrupt()}>Stop</button>
        )}</div>
      {folderForm && <WorkingFolderForm onDone={() => setFolderForm(false)} />}
      <div className="transcript" ref={outRef} data-testid="console-output" aria-live="polite">
        {transcript.length === 0 && <div className="muted small">Type Python below. Every button in the app writes its line here too, so a session can be saved as a .py file (toolbar: Export script).</div>}
        {transcript.map((e) => <Entry key={e.seq} e={e} />)}
      </div>
      <div className="editor" ref={hostRef} data-testid="console-input" />
    </div>
  )
}

/**
 * A run this short needs no Stop button or running badge: they would only flash, and each
 * flash repaints the panel head (a raster of the page's root layer: ~20 ms of the GPU
 * process under SwiftShader, twice per console line).
 */
const SLOW_RUN_MS = 300

/** `on`, once it has stayed true for `delayMs`; false at once when it turns false. */
function useDelayedFlag(on: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!on) {
      setShown(false)
      return
    }
    const t = setTimeout(() => setShown(true), delayMs)
    return () => clearTimeout(t)
  }, [on, delayMs])
  return shown
}

function Entry({ e }: { e: TranscriptEntry }): React.JSX.Element {
  if (e.note) return <div className="entry note muted small" data-testid="console-note"># {e.stdout}</div>
  const lines = e.code.split('\n')
  const hint = suggestFix(e.error)
  // The session may also write the traceback to stderr: print it once, in the error block.
  const stderr = e.error?.traceback ? e.stderr.replace(e.error.traceback, '') : e.stderr
  return (
    <div className="entry" data-testid="console-entry" data-pending={e.pending} data-error={e.error ? e.error.type : ''}>
      <pre className="code">{lines.map((l, i) => (i === 0 ? '>>> ' : '... ') + l).join('\n')}</pre>
      {e.stdout && <pre className="stdout" data-testid="console-stdout">{e.stdout.replace(/\n$/, '')}</pre>}
      {stderr.trim() && <pre className="stderr">{stderr.replace(/\n$/, '')}</pre>}
      {e.error && <pre className="stderr" data-testid="console-error">{pythonTraceback(e.error)}</pre>}
      {hint && <div className="err-hint small">Suggested fix: {hint}</div>}
    </div>
  )
}

/** The error as CPython prints it; the session's traceback is used when it has one. */
export function pythonTraceback(err: { type: string; message: string; traceback?: string; lineNo?: number }): string {
  // An exception without arguments (KeyboardInterrupt) prints its name alone.
  const last = err.message ? `${err.type}: ${err.message}` : err.type
  if (err.traceback) {
    const tb = err.traceback.replace(/\n$/, '')
    return tb.endsWith(last) ? tb : `${tb}\n${last}`
  }
  return `Traceback (most recent call last):\n  File "<stdin>", line ${err.lineNo ?? 1}, in <module>\n${last}`
}
