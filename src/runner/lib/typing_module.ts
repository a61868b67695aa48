// The typing module, for programs with type annotations: its names exist and subscript
// (List[int], Optional[np.ndarray], Dict[str, Tuple[int, ...]]) so annotations evaluate and
// print as CPython prints them; nothing here checks a type, as nothing in CPython does.
import { PyModule, PyObject, PyClass, PyTuple, PyBuiltin, ELLIPSIS, OBJECT, type PyValue } from '../interp/values'
import { repr } from '../interp/repr'

const SPECIAL_FORM = new PyClass('_SpecialForm', OBJECT, 'typing')
const TYPE_VAR = new PyClass('TypeVar', OBJECT, 'typing')

/** How an annotation argument prints inside typing's brackets: classes by name, ... as '...'. */
function argText(v: PyValue): string {
  if (v === ELLIPSIS) return '...'
  if (v === null) return 'None'
  if (v instanceof PyClass) return v.module === 'builtins' ? v.name : `${v.module}.${v.name}`
  return repr(v)
}

/** typing.List, typing.Optional[int], ...: subscripting gives another form that prints its arguments. */
class TypingForm extends PyObject {
  constructor(readonly text: string) { super() }
  get pyClass() { return SPECIAL_FORM }
  repr(): string { return this.text }
  getitem(key: PyValue): PyValue {
    const args = key instanceof PyTuple ? key.items : [key]
    return new TypingForm(`${this.text}[${args.map(argText).join(', ')}]`)
  }
  call(): PyValue { return null }
}

class TypeVarValue extends PyObject {
  constructor(readonly name: string) { super() }
  get pyClass() { return TYPE_VAR }
  repr(): string { return `~${this.name}` }
}

const FORMS = [
  'Any', 'List', 'Dict', 'Tuple', 'Set', 'FrozenSet', 'Optional', 'Union', 'Callable', 'Sequence', 'Iterable', 'Iterator',
  'Mapping', 'MutableMapping', 'MutableSequence', 'Type', 'Generic', 'Literal', 'Final', 'ClassVar', 'Protocol', 'Generator',
  'Collection', 'Hashable', 'Sized', 'NoReturn', 'Annotated',
]

export function typingModule(): PyModule {
  const attrs = new Map<string, PyValue>()
  for (const name of FORMS) attrs.set(name, new TypingForm(`typing.${name}`))
  attrs.set('TYPE_CHECKING', false)
  attrs.set('TypeVar', new PyBuiltin('TypeVar', (a) => new TypeVarValue(String(a[0] ?? 'T'))))
  // cast(typ, value) and the decorators return what they are given.
  attrs.set('cast', new PyBuiltin('cast', (a) => a[1] ?? null))
  for (const name of ['overload', 'final', 'no_type_check', 'runtime_checkable']) attrs.set(name, new PyBuiltin(name, (a) => a[0] ?? null))
  return new PyModule('typing', attrs)
}
