"""Prints, as JSON, arrays and scalars together with what NumPy's repr/str make of them.

The printing tests feed the same values to the TypeScript formatter and compare
byte for byte. Values are encoded exactly: floats as repr(float(x)) (exact for
float16/32/64), integers as decimal strings, complex as [re, im].
"""
import json
import sys

import numpy as np

np.seterr(all="ignore")  # float16 overflow to inf is part of the cases
rng = np.random.default_rng(20261126)

INT_DTYPES = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']
FLOAT_DTYPES = ['float16', 'float32', 'float64']
COMPLEX_DTYPES = ['complex64', 'complex128']


def enc_float(x):
    return repr(float(x))


def enc(a):
    flat = a.reshape(-1)
    k = a.dtype.kind
    if k == 'b':
        return [bool(v) for v in flat]
    if k in 'iu':
        return [str(int(v)) for v in flat]
    if k == 'f':
        return [enc_float(v) for v in flat]
    return [[enc_float(v.real), enc_float(v.imag)] for v in flat]


cases = []


def add(a, opts=None, note=''):
    a = np.asarray(a)
    opts = opts or {}
    with np.printoptions(**opts):
        cases.append({
            'note': note,
            'dtype': str(a.dtype),
            'shape': list(a.shape),
            'values': enc(a),
            'opts': opts,
            'repr': repr(a),
            'str': str(a),
        })


def floats(n, dtype, scale=1.0):
    return (rng.standard_normal(n) * scale).astype(dtype)


# --- every dtype, several shapes -------------------------------------------
for dt in INT_DTYPES:
    info = np.iinfo(dt)
    add(np.array([0, 1, 2], dtype=dt), note='small ints')
    add(np.array([info.min, 0, info.max], dtype=dt), note='extremes')
    add(rng.integers(info.min, info.max, size=(3, 4), dtype=dt, endpoint=True), note='random 2d')
    add(np.array(info.max, dtype=dt), note='0-d')
    add(np.arange(24, dtype=dt).reshape(2, 3, 4), note='3d')
    add(np.zeros((0,), dtype=dt), note='empty')
    add(np.zeros((2, 0), dtype=dt), note='empty 2d')
for dt in ['bool']:
    add(np.array([True, False, True]))
    add(np.array(True))
    add(np.array(False))
    add(rng.integers(0, 2, size=(2, 3, 2)).astype(bool))
    add(np.zeros((0, 3), dtype=bool))
    add(rng.integers(0, 2, size=1500).astype(bool), note='summarised bool')

SPECIAL = [0.0, -0.0, np.nan, np.inf, -np.inf]
for dt in FLOAT_DTYPES:
    add(np.array([1.0, 2.0, 3.0], dtype=dt))
    add(np.array([0.1, 0.25, 1 / 3], dtype=dt))
    add(np.array([1.5, -2.25, 100.0], dtype=dt))
    add(np.array(1.0, dtype=dt), note='0-d')
    add(np.array(0.1, dtype=dt), note='0-d')
    add(np.array(np.nan, dtype=dt), note='0-d nan')
    add(np.array(-np.inf, dtype=dt), note='0-d -inf')
    add(np.array(1e-7, dtype=dt), note='0-d tiny')
    add(np.array(SPECIAL, dtype=dt), note='specials')
    add(np.array([np.nan, 1.5, -np.inf], dtype=dt))
    add(np.array([np.nan, np.nan], dtype=dt))
    add(np.array([np.inf, 1.0], dtype=dt))
    add(np.array([-0.0, 0.0], dtype=dt))
    add(np.array([1e-5, 1.0], dtype=dt), note='small -> sci')
    add(np.array([1e-4, 1e-3], dtype=dt), note='boundary 1e-4')
    add(np.array([1.0, 1000.0], dtype=dt), note='ratio 1000')
    add(np.array([1.0, 1001.0], dtype=dt), note='ratio > 1000')
    add(np.array([999.0, 1.5], dtype=dt))
    add(np.array([65504.0, 1.0], dtype=dt))
    add(np.zeros((0,), dtype=dt))
    add(np.zeros((3, 0, 2), dtype=dt))
    for scale in [1e-8, 1e-3, 1.0, 10.0, 1e3, 1e6, 1e9]:
        add(floats(7, dt, scale), note=f'random scale {scale}')
    add(floats((3, 4), dt), note='2d')
    add(floats((2, 3, 4), dt, 100.0), note='3d')
    add(floats((2, 2, 2, 3), dt), note='4d')
    add(floats(30, dt, 1e3), note='wraps')
    add(floats((4, 25), dt), note='wraps 2d')
    add(floats(2000, dt), note='summarised 1d')
    add(floats((40, 40), dt), note='summarised 2d')
    add(floats((12, 12, 12), dt, 10.0), note='summarised 3d')
    add(np.arange(1200, dtype=dt), note='summarised ints-as-floats')
for dt in ['float32', 'float64']:
    add(np.array([1e-300 if dt == 'float64' else 1e-40, 1.0], dtype=dt), note='subnormal/tiny')
    add(np.array([1e8, 1.0], dtype=dt), note='big')
    add(np.array([123456789.0, 0.5], dtype=dt))
    add(np.array([1e6, 2.0], dtype=dt))
    add(np.array([999999.0, 2.5], dtype=dt))
add(np.array([1e300, -1e-300]), note='extreme exponents')
add(np.array([5e-324, 1.7976931348623157e308]), note='denormal min, max')
add(np.array([0.1 + 0.2, 1 / 3, 2 / 3]), note='long digits')

for dt in COMPLEX_DTYPES:
    add(np.array([1 + 2j, -1.5 + 0.25j], dtype=dt))
    add(np.array([1j, 0, -1j], dtype=dt))
    add(np.array(1 + 2j, dtype=dt), note='0-d')
    add(np.array([complex(np.nan, 1), complex(1, np.inf), complex(-np.inf, -0.0)], dtype=dt))
    add((floats(6, 'float64') + 1j * floats(6, 'float64', 1e-5)).astype(dt), note='mixed parts')
    add((floats((3, 3), 'float64') + 1j * floats((3, 3), 'float64')).astype(dt))
    add((floats(1100, 'float64') + 1j * floats(1100, 'float64')).astype(dt), note='summarised')
    add(np.zeros((0, 2), dtype=dt))

# --- wrapping, nesting, summaries of ints ------------------------------------
add(np.arange(100), note='wrap ints')
add(np.arange(2000), note='summary ints')
add(np.arange(2000).reshape(2, 1000), note='summary rows')
add(np.arange(3000).reshape(10, 10, 30), note='summary 3d')
add(np.arange(1001 * 2).reshape(1001, 2), note='long axis 0')
add(np.arange(120).reshape(2, 3, 4, 5), note='4d ints')
add(np.arange(2 * 3 * 4 * 5 * 10).reshape(2, 3, 4, 5, 10), note='5d summarised')
add(np.arange(40, dtype='int8').reshape(5, 8), note='int8 2d')
add(np.array([10 ** 17, -3], dtype='int64'), note='wide ints')
add(np.array([2 ** 64 - 1, 0, 12], dtype='uint64'), note='uint64 max')

# --- print options -------------------------------------------------------------
base = np.array([1.123456789, -22.5, 0.000123, 3.0])
add(base, {'precision': 3})
add(base, {'precision': 0})
add(base, {'suppress': True})
add(np.array([1e-10, 1.0, 123.456]), {'suppress': True})
add(np.array([1e-10, 1.0, 1e9]), {'suppress': True})
for fm in ['fixed', 'unique', 'maxprec', 'maxprec_equal']:
    add(np.array([0.5, 1.25, 3.0]), {'floatmode': fm})
    add(np.array([0.1, 1e-6, 3.0]), {'floatmode': fm})
    add(np.array([1 / 3, 2.0], dtype='float32'), {'floatmode': fm, 'precision': 4})
    add(np.array([1 + 0.5j, 2.125 - 1j]), {'floatmode': fm})
for sg in ['+', ' ']:
    add(np.array([1.5, 2.0, 0.0]), {'sign': sg})
    add(np.array([1.5, -2.0, np.nan, np.inf]), {'sign': sg})
    add(np.array([1e-9, 2.0]), {'sign': sg})
    add(np.array([3, 0, 12]), {'sign': sg})
    add(np.array([3, -4]), {'sign': sg})
    add(np.array([1 - 1j]), {'sign': sg})
add(np.arange(50), {'linewidth': 30})
add(floats((3, 8), 'float64'), {'linewidth': 40})
add(floats(20, 'float64'), {'linewidth': 200})
add(np.arange(30), {'threshold': 10})
add(np.arange(30), {'threshold': 10, 'edgeitems': 1})
add(np.arange(60).reshape(3, 4, 5), {'threshold': 10, 'edgeitems': 1})
add(np.arange(30), {'threshold': 10, 'edgeitems': 0})
add(np.arange(24.0).reshape(4, 6), {'threshold': 5, 'edgeitems': 0})
add(np.array([1.5, np.nan]), {'nanstr': 'NaN', 'infstr': 'Inf'})
add(np.array([1e20, 1.0, -np.inf]), {'nanstr': 'NaN', 'infstr': 'Infinity'})
add(np.arange(12, dtype='int32'), {'linewidth': 20})

# --- random fuzz: dtype, shape, values and print options together --------------
ALL_DTYPES = ['bool'] + INT_DTYPES + FLOAT_DTYPES + COMPLEX_DTYPES


def random_floats(n):
    mag = 10.0 ** rng.integers(-12, 14)
    v = rng.standard_normal(n) * mag
    style = rng.integers(0, 5)
    if style == 1:
        v = np.round(v)  # whole numbers
    elif style == 2:
        v = v * 10.0 ** rng.integers(-6, 7, size=n)  # mixed magnitudes
    elif style == 3:
        v = np.round(v * 8) / 8  # short binary fractions
    if n and rng.random() < 0.3:
        idx = rng.integers(0, n, size=max(1, n // 5))
        v[idx] = rng.choice([0.0, -0.0, np.nan, np.inf, -np.inf], size=idx.size)
    return v


for k in range(400):
    dt = str(rng.choice(ALL_DTYPES))
    ndim = int(rng.integers(0, 5))
    shape = tuple(int(x) for x in rng.integers(0 if rng.random() < 0.08 else 1, 7 if ndim > 1 else 40, size=ndim))
    if rng.random() < 0.05:
        shape = (int(rng.integers(1001, 1300)),)
    n = int(np.prod(shape))
    if dt == 'bool':
        a = rng.integers(0, 2, size=n).astype(bool)
    elif dt in INT_DTYPES:
        info = np.iinfo(dt)
        hi = int(min(info.max, 10 ** int(rng.integers(1, 20))))
        lo = max(int(info.min), -hi)
        a = rng.integers(lo, hi, size=n, dtype=dt, endpoint=True)
    elif dt in FLOAT_DTYPES:
        a = random_floats(n).astype(dt)
    else:
        a = (random_floats(n) + 1j * random_floats(n)).astype(dt)
    a = a.reshape(shape)
    opts = {}
    if rng.random() < 0.5:
        for key in rng.choice(['precision', 'suppress', 'floatmode', 'sign', 'linewidth', 'threshold', 'edgeitems'],
                              size=int(rng.integers(1, 4)), replace=False):
            if key == 'precision':
                opts['precision'] = int(rng.integers(0, 12))
            elif key == 'suppress':
                opts['suppress'] = True
            elif key == 'floatmode':
                opts['floatmode'] = str(rng.choice(['fixed', 'unique', 'maxprec', 'maxprec_equal']))
            elif key == 'sign':
                opts['sign'] = str(rng.choice(['+', ' ']))
            elif key == 'linewidth':
                opts['linewidth'] = int(rng.integers(10, 150))
            elif key == 'threshold':
                opts['threshold'] = int(rng.integers(1, 60))
            else:
                opts['edgeitems'] = int(rng.integers(1, 5))
    add(a, opts, note=f'fuzz {k}')

# --- np.array2string with its own separator and prefix ---------------------------
a2s = []
for arr, sep, prefix in [(np.arange(30.0).reshape(3, 10) / 7, ',', ''), (np.arange(40), ', ', 'x = '),
                         (np.array([[1.5, -2.0], [np.nan, 4.0]]), ';', 'prefix '), (np.arange(2000), ',', '')]:
    a2s.append({'dtype': str(arr.dtype), 'shape': list(arr.shape), 'values': enc(arr), 'separator': sep,
                'prefix': prefix, 'out': np.array2string(arr, separator=sep, prefix=prefix)})

# --- scalars -----------------------------------------------------------------
scalars = []


def add_scalar(dt, v):
    x = np.dtype(dt).type(v)
    scalars.append({'dtype': dt, 'value': enc(np.array(x))[0], 'repr': repr(x), 'str': str(x)})


for dt in FLOAT_DTYPES:
    for v in [0.0, -0.0, 1.0, 1.5, 0.1, 1 / 3, 1e-4, 9.99e-5, 1e-5, 123.456, 999.0, 1000.0, 65504.0,
              1e6, 999999.0, 1e7, 1e15, 9.99e15, 1e16, 1e17, 1e-300, 5e-324, 1e300, np.nan, np.inf, -np.inf, -2.5]:
        with np.errstate(over='ignore', under='ignore'):
            add_scalar(dt, v)
    for v in floats(30, dt, 1e4):
        add_scalar(dt, v)
for dt in INT_DTYPES:
    info = np.iinfo(dt)
    for v in [0, 1, info.min, info.max]:
        add_scalar(dt, v)
for v in [True, False]:
    add_scalar('bool', v)
for dt in COMPLEX_DTYPES:
    for v in [1 + 2j, 2j, complex(-0.0, 2), complex(0, -0.0), complex(1.5, -0.0), complex(np.nan, 1),
              complex(0, np.nan), complex(0, np.inf), complex(0, -np.inf), complex(np.inf, -np.inf),
              complex(1e16, 1), complex(1e-5, 1e20), complex(0.1, 0.2), 0j]:
        add_scalar(dt, v)

# --- dtype and flags objects -----------------------------------------------------
objects = {'dtypes': {}, 'flags': []}
for dt in ['bool'] + INT_DTYPES + FLOAT_DTYPES + COMPLEX_DTYPES:
    objects['dtypes'][dt] = [repr(np.dtype(dt)), str(np.dtype(dt))]
base2 = np.arange(6.0).reshape(2, 3)
ro = np.arange(3)
ro.flags.writeable = False
for name, arr in [('fresh', base2), ('transposed view', base2.T), ('strided view', base2[:, ::2]),
                  ('read-only', ro), ('0-d', np.array(1.0))]:
    f = arr.flags
    objects['flags'].append({'name': name, 'c': bool(f.c_contiguous), 'f': bool(f.f_contiguous),
                             'own': bool(f.owndata), 'w': bool(f.writeable), 'a': bool(f.aligned),
                             'repr': repr(f), 'str': str(f)})

# --- Dragon4 directly, on random bit patterns ----------------------------------
dragon = []
bit_kinds = {'float16': (np.uint16, np.float16), 'float32': (np.uint32, np.float32), 'float64': (np.uint64, np.float64)}
for name, (ut, ft) in bit_kinds.items():
    bits = rng.integers(0, np.iinfo(ut).max, size=300, dtype=ut, endpoint=True)
    xs = bits.view(ft)
    xs = xs[np.isfinite(xs)]
    for i, x in enumerate(xs):
        prec = [-1, 0, 1, 3, 8, 17][i % 6]
        p = None if prec < 0 else prec
        unique = True if p is None else bool(i % 2)
        trim = 'k.0-'[i % 4]
        dragon.append({
            'kind': name, 'value': enc_float(x), 'precision': prec, 'unique': unique, 'trim': trim,
            'positional': np.format_float_positional(x, precision=p, unique=unique, trim=trim),
            'scientific': np.format_float_scientific(x, precision=p, unique=unique, trim=trim),
            'minDigits': 12 if unique and i % 5 == 0 else -1,
            'positional_min': np.format_float_positional(x, unique=True, min_digits=12, trim=trim) if unique and i % 5 == 0 else None,
        })

# --- Python's float formatting (what torch printing uses) -----------------------
pyfloat = []
vals = list(rng.standard_normal(200) * 10.0 ** rng.integers(-12, 24, size=200))
vals += [0.125, 0.375, 1e-4, 9.9995e-5, 99995.0, 123456.0, 0.5, 1.5, 2.5, 1.03125, -0.0, 0.0, 1e16, 1e-5, 123456789.0, 1e22, 5e-324, 0.00005, 1.00005]
for x in vals:
    x = float(x)
    pyfloat.append({'value': enc_float(x), 'repr': repr(x), 'f4': f'{x:.4f}', 'e4': f'{x:.4e}',
                    'f0': f'{x:.0f}', 'e4w12': f'{x:12.4e}', 'f2': f'{x:.2f}', 'f10': f'{x:.10f}',
                    'e0': f'{x:.0e}', 'g4': f'{x:.4g}', 'g1': f'{x:.1g}', 'g0': f'{x:.0g}', 'g17': f'{x:.17g}',
                    'galt': f'{x:#.3g}'})

pycomplex = []
parts = [0.0, -0.0, 1.0, 1.5, -2.5, 0.1, 1e16, 1e-5, 1e-300, np.nan, np.inf, -np.inf] + list(rng.standard_normal(8) * 1e3)
for re_ in parts:
    for im_ in parts[::2]:
        z = complex(float(re_), float(im_))
        pycomplex.append({'re': enc_float(z.real), 'im': enc_float(z.imag), 'repr': repr(z)})

json.dump({'numpy': np.__version__, 'cases': cases, 'scalars': scalars, 'dragon': dragon, 'pyfloat': pyfloat, 'pycomplex': pycomplex, 'a2s': a2s, 'objects': objects},
          sys.stdout)
