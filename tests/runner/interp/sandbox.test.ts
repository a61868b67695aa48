// A snippet reaches the host only through the documented file functions: no open, os,
// sys internals, subprocess, eval/exec/compile, __import__, and no attribute path to the
// interpreter's internals (__class__.__subclasses__, __globals__, __builtins__, ...).
import { describe, expect, it } from 'vitest'
import { Runner } from '../../../src/runner'

const REFUSED: Array<[string, string]> = [
  ["open('/etc/passwd')", 'NotImplementedError'],
  ['import os', 'ModuleNotFoundError'],
  ['import subprocess', 'ModuleNotFoundError'],
  ['import builtins', 'ModuleNotFoundError'],
  ['import importlib', 'ModuleNotFoundError'],
  ['import ctypes', 'ModuleNotFoundError'],
  ['import pickle', 'ModuleNotFoundError'],
  ['import io', 'ModuleNotFoundError'],
  ['import shutil', 'ModuleNotFoundError'],
  ["eval('1')", 'NameError'],
  ["exec('x = 1')", 'NameError'],
  ["compile('1', 'x', 'eval')", 'NameError'],
  ["__import__('os')", 'NameError'],
  ['__builtins__', 'NameError'],
  ['globals()', 'NameError'],
  ['vars()', 'NameError'],
  ['breakpoint()', 'NameError'],
  ['().__class__.__subclasses__()', 'AttributeError'],
  ['().__class__.__bases__', 'AttributeError'],
  ['object.__subclasses__()', 'AttributeError'],
  ["getattr(int, '__subclasses__')", 'AttributeError'],
  ['(lambda: 0).__globals__', 'AttributeError'],
  ['(lambda: 0).__code__', 'AttributeError'],
  ['print.__self__', 'AttributeError'],
  ['import numpy as np\nnp.load.__globals__', 'AttributeError'],
  ['import numpy as np\nnp.__dict__', 'AttributeError'],
  ['import sys\nsys.modules', 'AttributeError'],
  ['import sys\nsys._getframe()', 'AttributeError'],
  ['import sys\nsys.path', 'AttributeError'],
  ['import sys\nsys.exit()', 'AttributeError'],
]

describe('the snippet sandbox', () => {
  for (const [code, type] of REFUSED) {
    it(`${code.replace(/\n/g, '; ')} -> ${type}`, () => {
      const res = new Runner().run(code)
      expect(res.error?.type, res.error?.message).toBe(type)
    })
  }

  it('sys is a shim: its streams and constants only', () => {
    const res = new Runner().run('import sys\nsys.stdout.write("hi\\n")\nprint(sys.maxsize, sys.byteorder)')
    expect(res.error).toBeNull()
    expect(res.stdout).toBe('hi\n9223372036854775807 little\n')
  })
})
