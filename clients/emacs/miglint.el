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
;;   (add-hook 'sql-mode-hook #'eglot-ensure)
;;
;; The server is `miglint lsp' when `miglint' is on PATH; otherwise
;; `java -jar' on `miglint-jar'.  Settings (`miglint-rules',
;; `miglint-runner', `miglint-postgres-version', `miglint-include',
;; `miglint-exclude') are sent in the shape of `.miglint.json', both as
;; initializationOptions and as the `miglint' section of the workspace
;; configuration.  A `miglint' section in `eglot-workspace-configuration'
;; (e.g. from .dir-locals.el) takes precedence over these variables.

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

(defcustom miglint-include nil
  "Glob patterns of files to lint (`include' in .miglint.json)."
  :type '(repeat string)
  :safe #'listp)

(defcustom miglint-exclude nil
  "Glob patterns of files to skip (`exclude' in .miglint.json)."
  :type '(repeat string)
  :safe #'listp)

(defcustom miglint-major-modes
  '((sql-mode :language-id "sql")
    (python-mode :language-id "python")
    (python-ts-mode :language-id "python")
    (typescript-ts-mode :language-id "typescript"))
  "Major modes whose buffers the miglint server manages under Eglot.
Each element is a mode or (MODE :language-id ID).  Eglot runs one
server per buffer, so miglint takes the place of any other server
for these modes: drop the Python and TypeScript modes if you use
another language server there.  Set with `customize' or call
`miglint-eglot-register' after changing it."
  :type '(repeat (choice symbol sexp))
  :initialize #'custom-initialize-default
  :set (lambda (sym val)
         (set-default sym val)
         (when (featurep 'eglot) (miglint-eglot-register))))

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

(defun miglint-settings ()
  "The settings as a JSON-ready plist in the shape of .miglint.json.
Only the options that are set appear, so .miglint.json decides the rest.
Returns nil when nothing is set."
  (append
   (when miglint-rules
     (list :rules (cl-loop for (rule . severity) in miglint-rules
                           append (list (intern (format ":%s" rule)) (format "%s" severity)))))
   (when miglint-runner (list :runner miglint-runner))
   (when miglint-postgres-version (list :postgresVersion miglint-postgres-version))
   (when miglint-include (list :include (vconcat miglint-include)))
   (when miglint-exclude (list :exclude (vconcat miglint-exclude)))))

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
  "Put miglint first in `eglot-server-programs' for `miglint-major-modes'."
  (interactive)
  (setq eglot-server-programs
        (cons (cons miglint-major-modes #'miglint--eglot-contact)
              (cl-remove #'miglint--eglot-contact eglot-server-programs
                         :key #'cdr :test #'equal))))

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
  (dolist (entry miglint-major-modes)
    (let ((mode (if (consp entry) (car entry) entry))
          (id (or (plist-get (cdr-safe entry) :language-id) "sql")))
      (unless (assq mode lsp-language-id-configuration)
        (add-to-list 'lsp-language-id-configuration (cons mode id)))))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection #'miglint-server-command
                                          #'miglint--server-available-p)
    :major-modes (mapcar (lambda (m) (if (consp m) (car m) m)) miglint-major-modes)
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
