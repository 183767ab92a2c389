;;; miglint.el --- Lint PostgreSQL migrations with the miglint language server  -*- lexical-binding: t; -*-

;; Author: miglint contributors
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, tools, sql
;; URL: https://github.com/miglint/miglint

;; This file is not part of GNU Emacs.

;;; Commentary:

;; miglint checks PostgreSQL migrations: statements that fail when a
;; half-finished migration is run again, locks that stop production,
;; data loss.  Its language server (`miglint lsp') gives diagnostics,
;; quick fixes, hovers and an outline.  This package tells Eglot (and
;; lsp-mode, when it is installed) how to start that server.
;;
;; With Eglot:
;;
;;   (require 'miglint)
;;   (add-hook 'sql-mode-hook #'miglint-eglot-ensure)
;;
;; By default miglint serves SQL buffers only, so it never takes the
;; place of your Python or TypeScript server: Eglot runs one server per
;; buffer.  `miglint-languages' opts in to Alembic revisions, model
;; files and Drizzle schemas, at that price.
;;
;; The server is `miglint lsp' when `miglint' is on PATH; otherwise
;; `java -jar' on `miglint-jar'.  Settings (`miglint-rules',
;; `miglint-runner', `miglint-postgres-version',
;; `miglint-accept-transactional', `miglint-include', `miglint-exclude',
;; `miglint-alembic-version') are sent in the shape of `.miglint.json',
;; both as initializationOptions and as the `miglint' section of the
;; workspace configuration.  A `miglint' section in
;; `eglot-workspace-configuration' (e.g. from .dir-locals.el) takes
;; precedence over these variables.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'eieio)

(defgroup miglint nil
  "PostgreSQL migration linter, through its language server."
  :group 'tools
  :prefix "miglint-")

(defcustom miglint-server-command nil
  "Full command that starts the server, as a list of strings.
nil means: `miglint-executable' with \"lsp\" when it is found on
PATH, else `miglint-java' running `miglint-jar'."
  :type '(choice (const :tag "Find it" nil) (repeat string)))

(defcustom miglint-executable "miglint"
  "Name or path of the miglint launcher script."
  :type 'string)

(defcustom miglint-java "java"
  "Java executable used when the server is started from `miglint-jar'."
  :type 'string)

(defcustom miglint-jar nil
  "Path of miglint.jar, used when `miglint-executable' is not found."
  :type '(choice (const :tag "None" nil) file))

(defcustom miglint-java-args '("-XX:TieredStopAtLevel=1" "-XX:+UseSerialGC")
  "JVM options placed before -jar.
C1 only and the serial GC make the server answer sooner after start."
  :type '(repeat string))

(defcustom miglint-rules nil
  "Rule severities, an alist of (RULE-ID . SEVERITY).
SEVERITY is one of \"off\", \"info\", \"warning\", \"error\".  Like
`rules' in .miglint.json; these win over the file."
  :type '(alist :key-type (string :tag "Rule")
                :value-type (choice (const "off") (const "info")
                                    (const "warning") (const "error")))
  :safe #'listp)

(defcustom miglint-runner nil
  "Migration runner, or nil to let miglint detect it."
  :type '(choice (const :tag "Detect" nil)
                 (const "none") (const "flyway") (const "drizzle")
                 (const "prisma") (const "supabase") (const "alembic"))
  :safe (lambda (v) (or (null v) (stringp v))))

(defcustom miglint-postgres-version nil
  "Major PostgreSQL version the migrations target, or nil for the default."
  :type '(choice (const :tag "Default" nil) integer)
  :safe (lambda (v) (or (null v) (integerp v))))

(defcustom miglint-accept-transactional nil
  "Whether unguarded statements are accepted inside a transaction.
nil leaves it to .miglint.json; t accepts them (a failed migration
rolls back whole); :json-false sends false."
  :type '(choice (const :tag "Per .miglint.json" nil) (const :tag "Accept" t)
                 (const :tag "Do not accept" :json-false))
  :safe (lambda (v) (memq v '(nil t :json-false))))

(defcustom miglint-include nil
  "Glob patterns of files to lint (`include' in .miglint.json)."
  :type '(repeat string)
  :safe #'listp)

(defcustom miglint-exclude nil
  "Glob patterns of files to skip (`exclude' in .miglint.json)."
  :type '(repeat string)
  :safe #'listp)

(defcustom miglint-alembic-version nil
  "The project's Alembic version, e.g. \"1.13.3\", or nil to read it
from the project's requirements or lock files.  It decides which
keyword fixes (`if_exists=True') are offered."
  :type '(choice (const :tag "Detect" nil) string)
  :safe (lambda (v) (or (null v) (stringp v))))

(defconst miglint--settings-variables
  '((rules . miglint-rules)
    (runner . miglint-runner)
    (postgresVersion . miglint-postgres-version)
    (acceptTransactional . miglint-accept-transactional)
    (include . miglint-include)
    (exclude . miglint-exclude)
    (alembicVersion . miglint-alembic-version))
  "Each key of .miglint.json and the variable that sets it.")

;;;; Which files

(defconst miglint-file-patterns
  '(("**/*.sql" . sql)
    ("**/versions/**/*.py" . python)
    ("**/models.py" . python)
    ("**/models/**/*.py" . python)
    ("**/schema.ts" . typescript)
    ("**/schema/**/*.ts" . typescript)
    ("**/db/schemas.ts" . typescript)
    ("**/db/schemas/**/*.ts" . typescript)
    ("**/meta/_journal.json" . json)
    ("**/.miglint.json" . json))
  "The files the server reads, as (GLOB . LANGUAGE).
A copy of clients/file-patterns.json in the miglint repository; its
test fails when the two differ.  In a GLOB, `**' is zero or more
folders and `*' any characters within one folder; case-sensitive.")

(defconst miglint--language-modes
  '((sql sql-mode)
    (python python-mode python-ts-mode)
    (typescript typescript-mode typescript-ts-mode)
    (json js-json-mode json-mode json-ts-mode))
  "The major modes of each language in `miglint-file-patterns'.")

(defcustom miglint-languages '(sql)
  "The kinds of files Eglot starts miglint for.
`sql' (migrations), `python' (Alembic revisions, model files),
`typescript' (Drizzle schemas), `json' (Drizzle's journal and
.miglint.json).  Only `sql' by default: Eglot runs one server per
buffer and per project and major mode, so with `python' miglint is
the Eglot server of Python buffers in that project in place of
pyright and the like (the same for `typescript' and `json').  Set it
with `customize' or `setopt', or call `miglint-eglot-register' after
`setq'."
  :type '(set (const sql) (const python) (const typescript) (const json))
  :initialize #'custom-initialize-default
  :set (lambda (sym val)
         (set-default sym val)
         (when (featurep 'eglot) (miglint-eglot-register))))

(defun miglint-glob-match-p (glob path)
  "Non-nil when GLOB matches PATH (globs as in `miglint-file-patterns')."
  (let ((split (lambda (s) (split-string (replace-regexp-in-string "\\\\" "/" s) "/" t))))
    (miglint--match-segments (funcall split glob) (funcall split path))))

(defun miglint--match-segments (glob path)
  "Match the segments GLOB against the segments PATH."
  (cond
   ((null glob) (null path))
   ((equal (car glob) "**")
    ;; zero folders, or one more folder and try again
    (or (miglint--match-segments (cdr glob) path)
        (and path (miglint--match-segments glob (cdr path)))))
   (t (and path
           (let ((case-fold-search nil))
             (string-match-p (wildcard-to-regexp (car glob)) (car path)))
           (miglint--match-segments (cdr glob) (cdr path))))))

(defun miglint-file-language (file)
  "The language of FILE when miglint reads it, else nil.
See `miglint-file-patterns'."
  (when file
    (let ((path (expand-file-name file)))
      (cdr (cl-find-if (lambda (p) (miglint-glob-match-p (car p) path)) miglint-file-patterns)))))

(defun miglint-attach-p (file)
  "Non-nil when miglint should serve FILE.
That is when miglint reads FILE and its language is in `miglint-languages'."
  (memq (miglint-file-language file) miglint-languages))

(defun miglint--eglot-modes ()
  "The major modes of `miglint-languages', for `eglot-server-programs'."
  (cl-loop for language in miglint-languages
           append (mapcar (lambda (mode) (list mode :language-id (symbol-name language)))
                          (cdr (assq language miglint--language-modes)))))

(defun miglint--found (program)
  "PROGRAM's absolute path when it exists or is on PATH, else nil."
  (when (and program (not (string-empty-p program)))
    (if (file-name-absolute-p program)
        (and (file-executable-p program) program)
      (executable-find program))))

(defun miglint-server-command ()
  "The command that starts the miglint language server, as a list.
Signal a `user-error' saying what to set when there is none."
  (cond
   (miglint-server-command miglint-server-command)
   ((miglint--found miglint-executable)
    (list (miglint--found miglint-executable) "lsp"))
   (miglint-jar
    (let ((jar (expand-file-name miglint-jar))
          (java (miglint--found miglint-java)))
      (unless (file-readable-p jar)
        (user-error "miglint: `miglint-jar' is %s, which does not exist" jar))
      (unless java
        (user-error "miglint: Java (`miglint-java' = %s) not found" miglint-java))
      `(,java ,@miglint-java-args "-jar" ,jar "lsp")))
   (t (user-error "miglint: no server: put `%s' on PATH, or set `miglint-jar' (or `miglint-server-command')"
                  miglint-executable))))

(defun miglint--server-available-p ()
  "Non-nil when `miglint-server-command' would find a server."
  (condition-case nil (and (miglint-server-command) t) (user-error nil)))

(defun miglint--json-value (key value)
  "VALUE of the .miglint.json KEY in the shape the JSON encoder takes."
  (pcase key
    ('rules (cl-loop for (rule . severity) in value
                     append (list (intern (format ":%s" rule)) (format "%s" severity))))
    ((or 'include 'exclude) (vconcat value))
    (_ value)))

(defun miglint-settings ()
  "The settings as a JSON-ready plist in the shape of .miglint.json.
Only the options that are set appear, so .miglint.json decides the rest.
Returns nil when nothing is set."
  (cl-loop for (key . variable) in miglint--settings-variables
           for value = (symbol-value variable)
           when value
           append (list (intern (format ":%s" key)) (miglint--json-value key value))))

(defun miglint--settings-in (directory)
  "`miglint-settings' as the directory-local variables of DIRECTORY make them."
  (with-temp-buffer
    (setq default-directory (file-name-as-directory directory))
    (setq-local major-mode 'sql-mode)
    (hack-dir-local-variables-non-file-buffer)
    (miglint-settings)))

(defun miglint--initialization-options (directory)
  "initializationOptions for a server rooted at DIRECTORY."
  (let ((settings (miglint--settings-in directory)))
    ;; An empty object, not {"miglint": {}}: nothing set means .miglint.json alone decides.
    (if settings (list :miglint settings) (make-hash-table))))

;;;; Eglot

(defvar eglot-server-programs)
(defvar eglot--servers-by-project)
(declare-function eglot-signal-didChangeConfiguration "eglot")
(declare-function eglot-ensure "eglot")
(declare-function eglot--project "eglot")
(declare-function project-root "project")
;; Made by the defclass below, which only runs once Eglot is loaded.
(declare-function miglint-eglot-server--eieio-childp "miglint")

(defun miglint--eglot-contact (&optional _interactive)
  "Eglot contact for the miglint server, worked out when Eglot starts it."
  `(miglint-eglot-server
    ,@(miglint-server-command)
    :initializationOptions
    ,(lambda (server)
       (miglint--initialization-options (project-root (eglot--project server))))))

(defun miglint-eglot-register ()
  "Put miglint first in `eglot-server-programs' for `miglint-languages'."
  (interactive)
  (setq eglot-server-programs
        (cons (cons (miglint--eglot-modes) #'miglint--eglot-contact)
              (cl-remove #'miglint--eglot-contact eglot-server-programs
                         :key #'cdr :test #'equal))))

(defun miglint-eglot-ensure ()
  "Start Eglot here when this buffer's file is one miglint serves.
For mode hooks: (add-hook \='sql-mode-hook #\='miglint-eglot-ensure).
See `miglint-attach-p'."
  (when (miglint-attach-p buffer-file-name)
    (eglot-ensure)))

(defun miglint-eglot-send-settings ()
  "Send the current settings to every running miglint server.
Call it after changing `miglint-rules' and friends."
  (interactive)
  (dolist (server (and (boundp 'eglot--servers-by-project)
                       (apply #'append (hash-table-values eglot--servers-by-project))))
    (when (object-of-class-p server 'miglint-eglot-server)
      ;; Without a `miglint' section the server asks back with workspace/configuration,
      ;; which the method below answers from the current settings.
      (eglot-signal-didChangeConfiguration server))))

(with-eval-after-load 'eglot
  ;; A class of our own, so that the `miglint' configuration section can be answered
  ;; without touching the user's global `eglot-workspace-configuration'.
  (defclass miglint-eglot-server (eglot-lsp-server) ()
    :documentation "The miglint language server.")

  (cl-defmethod eglot-handle-request
    ((server miglint-eglot-server) (_method (eql workspace/configuration)) &key items)
    "Answer the `miglint' section from the miglint variables, unless the user set it."
    (let ((answers (cl-call-next-method)))
      (cl-loop for item across items
               for i from 0
               when (and (equal (plist-get item :section) "miglint")
                         (null (aref answers i)))
               do (aset answers i (miglint--settings-in
                                   (project-root (eglot--project server)))))
      answers))

  (miglint-eglot-register))

;;;; lsp-mode (not exercised by the tests: lsp-mode is not packaged for Debian)

(defvar lsp-language-id-configuration)
(defvar lsp--cur-workspace)
(declare-function lsp-register-client "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function lsp-notify "lsp-mode")
(declare-function lsp--workspace-root "lsp-mode")

(with-eval-after-load 'lsp-mode
  (pcase-dolist (`(,language . ,modes) miglint--language-modes)
    (dolist (mode modes)
      (unless (assq mode lsp-language-id-configuration)
        (add-to-list 'lsp-language-id-configuration (cons mode (symbol-name language))))))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection #'miglint-server-command
                                          #'miglint--server-available-p)
    ;; By path, like Eglot: only the files miglint reads, of `miglint-languages'.
    :activation-fn (lambda (file _mode) (miglint-attach-p file))
    ;; An add-on runs beside the buffer's main server (pyright, ts-ls …) instead of replacing it.
    :add-on? t
    :priority -1
    :server-id 'miglint
    :initialization-options
    (lambda () (miglint--initialization-options default-directory))
    :initialized-fn
    (lambda (workspace)
      (let ((settings (miglint--settings-in (lsp--workspace-root workspace))))
        (when settings
          ;; What `with-lsp-workspace' does; the macro is not known when this file is compiled.
          (let ((lsp--cur-workspace workspace))
            (lsp-notify "workspace/didChangeConfiguration"
                        (list :settings (list :miglint settings))))))))))

(provide 'miglint)
;;; miglint.el ends here
