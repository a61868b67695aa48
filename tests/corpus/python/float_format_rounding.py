# Python rounds the exact binary value half-to-even in f/e/g/% format specs, and f never switches to exponent form.
print(f'{0.125:.2f}', f'{2.5:.0f}', f'{1e21:.2f}', f'{3.5:#.0f}')
print(f'{12345.678:.3e}', f'{0.5:.0e}', f'{0.5:#.0e}', f'{1e-7:g}', f'{123456789.0:g}', f'{0.0001:.3g}', f'{2.0:#g}')
print(f'{0.256:.1%}', f'{1.0:G}', f'{1e20:G}', f'{-0.0:.2f}', f'{1234.5:,.2f}', f'{3.14159:>10.3f}|')
print('{:.3f}'.format(2.0005), '%.2f' % 0.125, '%e' % 1.5)
