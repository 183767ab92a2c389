;;; e2e.el --- miglint.el end to end: real Emacs, real Eglot, real server  -*- lexical-binding: t; -*-

;; Run through run.sh.  Prints `PASS name' or `FAIL name: why' on stdout for each
;; test and exits 1 when one failed.  Needs MIGLINT_JAR (the server jar).

;;; Code:

(require 'cl-lib)
(require 'package)
;; Emacs 29+ has Eglot built in.  On Emacs 28, Debian's elpa-eglot lives in
;; /usr/share/emacs/site-lisp/elpa, which -Q leaves out of the package directories.
(unless (locate-library "eglot")
  (when (file-directory-p "/usr/share/emacs/site-lisp/elpa")
    (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa"))
  (package-initialize))
(require 'eglot)
(require 'flymake)
(require 'sql)
(require 'python)
(require 'json)

(defconst e2e-dir (file-name-directory (or load-file-name buffer-file-name)))
(load (expand-file-name "../miglint.el" e2e-dir) nil t)

(defvar e2e-failed 0)
(defvar e2e-needs-server nil "Non-nil once the tests that need a connected server begin.")
(defconst e2e-deadline (+ (float-time) 60) "No test waits past this.")

(defun e2e-out (fmt &rest args)
  (princ (apply #'format (concat fmt "\n") args)))

(defun e2e-wait (pred &optional seconds)
  "Let the server talk until PRED is non-nil or SECONDS (default 30) pass; PRED's value."
  (let ((until (min e2e-deadline (+ (float-time) (or seconds 30))))
        value)
    (while (and (not (setq value (funcall pred)))
                (< (float-time) until))
      (accept-process-output nil 0.05))
    value))

(defmacro e2e-test (name &rest body)
  "Run BODY as test NAME: it passes unless it signals; `e2e-fail' says why."
  (declare (indent 1))
  `(condition-case err
       (progn
         (when (> (float-time) e2e-deadline) (error "overall timeout (60 s) already spent"))
         (when (and e2e-needs-server (not (eglot-current-server))) (error "no server"))
         ,@body
         (e2e-out "PASS %s" ,name))
     (error (cl-incf e2e-failed)
            (e2e-out "FAIL %s: %s" ,name (error-message-string err)))))

(defun e2e-fail (fmt &rest args)
  (signal 'error (list (apply #'format fmt args))))

(defun e2e-write (file text)
  (make-directory (file-name-directory file) t)
  (with-temp-file file (insert text)))

;; Which Emacs and Eglot ran (built in on Emacs 29+, a package on Emacs 28), so that a log
;; shows which path was tested.  Not a PASS/FAIL line: run.sh does not count it.
(e2e-out "INFO emacs %s, eglot %s (%s)" emacs-version
         (let ((v (or (alist-get 'eglot package--builtin-versions)
                      (let ((d (cadr (assq 'eglot package-alist)))) (and d (package-desc-version d))))))
           (if v (package-version-join v) "?"))
         (locate-library "eglot"))

(defconst e2e-repo (expand-file-name "../../../" e2e-dir))

(defun e2e-attach-cases ()
  "clients/attach-cases.tsv as ((PATH . ATTACH) ...); # comments and the header skipped."
  (with-temp-buffer
    (insert-file-contents (expand-file-name "clients/attach-cases.tsv" e2e-repo))
    (cl-loop for line in (split-string (buffer-string) "\n" t)
             unless (or (string-prefix-p "#" line) (string-prefix-p "path\t" line))
             collect (let ((cells (split-string line "\t")))
                       (cons (nth 0 cells) (equal (nth 1 cells) "yes"))))))

(defun e2e-attach-mismatches (expected)
  "Rows where `miglint-attach-p' differs from (EXPECTED PATH ATTACH)."
  (cl-loop for (path . attach) in (e2e-attach-cases)
           for want = (funcall expected path attach)
           unless (eq (and (miglint-attach-p (concat "/p/" path)) t) want)
           collect (format "%s (want %s)" path (if want "yes" "no"))))

(defun e2e-miglint-modes ()
  "The major modes of miglint's entry in `eglot-server-programs'."
  (mapcar (lambda (m) (if (consp m) (car m) m))
          (car (cl-find #'miglint--eglot-contact eglot-server-programs :key #'cdr))))

(defun e2e-miglint-diags ()
  "The flymake diagnostics of the current buffer that miglint published."
  (cl-remove-if-not (lambda (d) (string-match-p "require-if-not-exists"
                                                (flymake-diagnostic-text d)))
                    (flymake-diagnostics)))

(let* ((jar (or (getenv "MIGLINT_JAR")
                (expand-file-name "../../../server/target/miglint.jar" e2e-dir)))
       (ws (file-name-as-directory (file-truename (make-temp-file "miglint-e2e-" t))))
       (sql-file (expand-file-name "migrations/001_init.sql" ws))
       buf server)
  (unless (file-readable-p jar)
    (e2e-out "FAIL setup: no server jar at %s (build it: mvn -B -o package -DskipTests, or set MIGLINT_JAR)" jar)
    (kill-emacs 2))
  (e2e-write (expand-file-name ".miglint.json" ws) "{}\n")
  (make-directory (expand-file-name ".git" ws))   ; project.el's vc backend finds the root by it
  (e2e-write sql-file "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n")

  ;; A name that is surely not on PATH, so that the jar is what starts the server.
  (setq miglint-executable "miglint-not-on-path-e2e"
        miglint-jar nil)

  (e2e-test "command-missing"
    (condition-case err
        (progn (miglint-server-command) (e2e-fail "no user-error without a server"))
      (user-error (unless (string-match-p "miglint-jar" (error-message-string err))
                    (e2e-fail "unhelpful message: %s" (error-message-string err))))))

  (setq miglint-jar jar)
  (e2e-test "command-jar"
    (let ((cmd (miglint-server-command)))
      (unless (and (member "-jar" cmd) (member (expand-file-name jar) cmd)
                   (equal (car (last cmd)) "lsp"))
        (e2e-fail "unexpected command %S" cmd))))

  (e2e-test "patterns-published"
    (let* ((json-object-type 'alist) (json-array-type 'list)
           (published (alist-get 'patterns (json-read-file (expand-file-name "clients/file-patterns.json" e2e-repo))))
           (want (mapcar (lambda (p) (cons (alist-get 'glob p) (intern (alist-get 'languageId p)))) published)))
      (unless (equal want miglint-file-patterns)
        (e2e-fail "miglint-file-patterns differs from clients/file-patterns.json: %S" want))))

  (e2e-test "attach-default-sql-only"
    (unless (equal miglint-languages '(sql)) (e2e-fail "default miglint-languages is %S" miglint-languages))
    (let ((wrong (e2e-attach-mismatches (lambda (path attach) (and attach (string-suffix-p ".sql" path))))))
      (when wrong (e2e-fail "attach-p by default disagrees on %s" (string-join wrong ", "))))
    (unless (equal (e2e-miglint-modes) '(sql-mode))
      (e2e-fail "registered for %S, not sql-mode alone" (e2e-miglint-modes))))

  (e2e-test "attach-opt-in-every-row"
    (customize-set-variable 'miglint-languages '(sql python typescript json))
    (unwind-protect
        (let ((wrong (e2e-attach-mismatches (lambda (_path attach) attach))))
          (when wrong (e2e-fail "attach-p with every language disagrees on %s" (string-join wrong ", ")))
          (dolist (mode '(sql-mode python-mode python-ts-mode typescript-ts-mode js-json-mode))
            (unless (memq mode (e2e-miglint-modes))
              (e2e-fail "opted in, yet %s is not registered: %S" mode (e2e-miglint-modes)))))
      (customize-set-variable 'miglint-languages '(sql))))

  (e2e-test "settings-every-key"
    (let ((miglint-rules '(("ban-drop-column" . "warning")))
          (miglint-runner "alembic")
          (miglint-postgres-version 16)
          (miglint-accept-transactional :json-false)
          (miglint-include '("db/**"))
          (miglint-exclude '("db/structure.sql"))
          (miglint-alembic-version "1.13.3"))
      (let ((want '(:rules (:ban-drop-column "warning") :runner "alembic" :postgresVersion 16
                    :acceptTransactional :json-false :include ["db/**"] :exclude ["db/structure.sql"]
                    :alembicVersion "1.13.3")))
        (unless (equal (miglint-settings) want)
          (e2e-fail "settings %S" (miglint-settings))))))

  ;; The server's default for this rule is error: warning proves the settings got there.
  (setq miglint-rules '(("require-if-not-exists" . "warning")))
  (setq eglot-sync-connect t
        eglot-connect-timeout 30
        eglot-autoshutdown nil)
  (add-hook 'sql-mode-hook #'miglint-eglot-ensure)
  (setq buf (find-file-noselect sql-file))
  (switch-to-buffer buf)                ; hovers are only shown for buffers in a window
  (with-current-buffer buf
    (unless (eq major-mode 'sql-mode) (sql-mode))
    (e2e-test "connect"
      ;; eglot-ensure waits for a command to finish, which never happens in --batch.
      (run-hooks 'post-command-hook)
      (setq server (e2e-wait #'eglot-current-server 30))
      (unless server (e2e-fail "eglot did not connect"))
      (unless (object-of-class-p server 'miglint-eglot-server)
        (e2e-fail "server is a %S, not miglint's" (eieio-object-class server))))

    (setq e2e-needs-server t)
    (e2e-test "diagnostic"
      (let ((diags (e2e-wait #'e2e-miglint-diags)))
        (unless diags
          (e2e-fail "no require-if-not-exists diagnostic; flymake has %S"
                    (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
        (let ((text (flymake-diagnostic-text (car diags))))
          (unless (string-match-p "miglint.*require-if-not-exists.*CREATE TABLE users fails" text)
            (e2e-fail "unexpected text %S" text)))))

    (e2e-test "settings-initial"
      (let ((d (car (e2e-miglint-diags))))
        (unless (and d (eq (flymake-diagnostic-type d) 'eglot-warning))
          (e2e-fail "want an eglot-warning from miglint-rules, got %S"
                    (and d (flymake-diagnostic-type d))))))

    (e2e-test "settings-change"
      (setq miglint-rules '(("require-if-not-exists" . "error")))
      (miglint-eglot-send-settings)
      (unless (e2e-wait (lambda () (let ((d (car (e2e-miglint-diags))))
                                     (and d (eq (flymake-diagnostic-type d) 'eglot-error)))))
        (e2e-fail "severity did not follow the new settings: %S"
                  (mapcar #'flymake-diagnostic-type (e2e-miglint-diags)))))

    (e2e-test "hover"
      (goto-char (point-min))
      (search-forward "users")
      (let (doc)
        (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc (or info ""))))
        (e2e-wait (lambda () doc))
        (cond ((null doc) (e2e-fail "no hover answer"))
              ((not (and (string-match-p "require-if-not-exists" doc)
                         (string-match-p "IF NOT EXISTS" doc)
                         (string-match-p "run again" doc)))
               (e2e-fail "hover lacks rule, fix or reason: %S" doc)))))

    (e2e-test "quickfix"
      (let ((d (car (e2e-miglint-diags))))
        (unless d (e2e-fail "no diagnostic to fix"))
        ;; What a user gets with M-x eglot-code-actions RET RET: the preferred fix is the default.
        (let ((completing-read-function
               (lambda (_prompt _coll &optional _pred _req _init _hist def &rest _) def))
              (last-nonmenu-event ?\r))
          (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) "quickfix" t))
        (unless (string-match-p "CREATE TABLE IF NOT EXISTS users" (buffer-string))
          (e2e-fail "buffer not fixed: %S" (buffer-string)))
        (save-buffer)
        (let ((disk (with-temp-buffer (insert-file-contents sql-file) (buffer-string))))
          (unless (string-match-p "CREATE TABLE IF NOT EXISTS users" disk)
            (e2e-fail "file on disk not fixed: %S" disk)))))

    (e2e-test "diagnostic-clears"
      (unless (e2e-wait (lambda () (null (e2e-miglint-diags))))
        (e2e-fail "still flagged: %S" (mapcar #'flymake-diagnostic-text (e2e-miglint-diags)))))

    ;; Real Python buffers, started the way the README says (miglint-eglot-ensure in the mode hook).
    (let ((revision (expand-file-name "alembic/versions/0001_init.py" ws))
          (views (expand-file-name "app/views.py" ws)))
      (e2e-write revision "def upgrade():\n    pass\n")
      (e2e-write views "print(1)\n")
      (add-hook 'python-mode-hook #'miglint-eglot-ensure)
      (cl-flet ((open-python (file)
                  (let ((b (find-file-noselect file)))
                    (with-current-buffer b
                      (python-mode)
                      (run-hooks 'post-command-hook))
                    b)))
        (e2e-test "python-default-no-server"
          (let ((b (open-python revision))
                called)
            (accept-process-output nil 0.5)
            (when (buffer-local-value 'eglot--managed-mode b)
              (e2e-fail "Eglot manages a revision although miglint-languages is (sql)"))
            (with-current-buffer b
              (cl-letf (((symbol-function 'eglot-ensure) (lambda () (setq called t))))
                (miglint-eglot-ensure)))
            (when called
              (e2e-fail "miglint-eglot-ensure started Eglot on a revision although miglint-languages is (sql)"))
            (kill-buffer b)))

        ;; The cost the README states: Eglot manages every buffer of a major mode in a project with
        ;; one server, so once miglint runs for a revision it also gets the project's other Python files.
        (e2e-test "python-opt-in-starts-on-a-revision-and-takes-the-project"
          (customize-set-variable 'miglint-languages '(sql python))
          (let ((b (open-python revision))
                (other (open-python views)))
            (unless (e2e-wait (lambda () (with-current-buffer b
                                           (and (eglot-current-server) eglot--managed-mode))) 30)
              (e2e-fail "no miglint server for the revision after opting in to python"))
            (unless (object-of-class-p (with-current-buffer b (eglot-current-server)) 'miglint-eglot-server)
              (e2e-fail "the revision's server is not miglint's"))
            (unless (buffer-local-value 'eglot--managed-mode other)
              (e2e-fail "app/views.py is not managed by miglint's server: update the README's cost"))
            (with-current-buffer b (ignore-errors (eglot-shutdown (eglot-current-server))))
            (customize-set-variable 'miglint-languages '(sql)))))))

  (when server
    (ignore-errors (eglot-shutdown server)))
  (delete-directory ws t)
  (kill-emacs (if (> e2e-failed 0) 1 0)))

;;; e2e.el ends here
