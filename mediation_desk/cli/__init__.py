"""``mediation-desk-cli``: the scriptable twin of the window (contract.md).

:mod:`main` parses the command line, runs the handler and maps failures to exit codes;
:mod:`context` is the one thing command modules share (the parsed options, the register,
output and input helpers); every other module registers one command group and imports
nothing of this package but :mod:`context`. A new command group is a new module here plus
one line in :data:`main.GROUPS`.
"""
