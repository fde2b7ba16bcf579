"""The use cases, one package per capability of the program.

Each service method validates, opens one transaction, writes its rows and the audit event, and
returns a small result with a change set (architecture.md §3). Packages:

- ``shared``    who acts (Actor), the audit trail writer, setting rows, lazy exports
- ``cases``     intake, casework, corrections, detail, the register, search, drafts
- ``agenda``    工作台: what falls due
- ``exchange``  case files in and out (JSON, Excel registers)
- ``patrols``   screening patrols, visits, findings, risk levels
- ``printing``  printed documents, document settings, dossier completeness
- ``safety``    accounts and keys, backups and checks, audit verification, retention
- ``settings``  room settings, dictionaries, villages, mediators
- ``demo``      demo data through the services

A new capability gets its own package here (see docs/architecture.md).
"""
