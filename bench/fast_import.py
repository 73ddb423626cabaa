"""What the generated benchmark repositories share: a pool of real source files (the
crate sources in the local cargo registry) and a `git fast-import` writer."""
import os, subprocess, sys


def source_pool(root, extensions, min_size, max_size):
    """(paths, common base) of the files under root with one of the extensions."""
    pool = []
    for top, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(extensions):
                path = os.path.join(top, name)
                if min_size <= os.path.getsize(path) <= max_size:
                    pool.append(path)
    if not pool:
        sys.exit("no source files found under " + root)
    return pool, os.path.commonpath(pool)


class FastImport:
    """Writes a repository through `git fast-import`; commits by Bench, one per call."""

    def __init__(self, repo):
        subprocess.run(["git", "init", "-q", "--initial-branch=main", repo], check=True)
        self.repo = repo
        self.process = subprocess.Popen(["git", "-C", repo, "fast-import", "--quiet"],
                                        stdin=subprocess.PIPE)
        self.w = self.process.stdin
        self.mark = 0

    def blob(self, data):
        self.mark += 1
        self.w.write(b"blob\nmark :%d\ndata %d\n" % (self.mark, len(data)))
        self.w.write(data)
        self.w.write(b"\n")
        return self.mark

    def commit(self, branch, when, message, parent, files=(), deletes=()):
        """files: (path, blob mark) pairs; returns the commit's mark."""
        self.mark += 1
        msg = message.encode()
        self.w.write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), self.mark))
        self.w.write(b"author Bench <bench@example.invalid> %d +0000\n"
                     b"committer Bench <bench@example.invalid> %d +0000\n" % (when, when))
        self.w.write(b"data %d\n%s" % (len(msg), msg))
        if parent is not None:
            self.w.write(b"from :%d\n" % parent)
        for path, mark in files:
            self.w.write(b"M 100644 :%d %s\n" % (mark, path.encode()))
        for path in deletes:
            self.w.write(b"D %s\n" % path.encode())
        self.w.write(b"\n")
        return self.mark

    def finish(self):
        self.w.close()
        if self.process.wait() != 0:
            sys.exit("git fast-import failed")
        subprocess.run(["git", "-C", self.repo, "reset", "-q", "--hard", "main"], check=True)
