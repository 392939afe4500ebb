"""Benchmark driver for scripts/bench: runs each figure against its comparison in the same run."""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REL = os.path.join(ROOT, ".build", "release")
DOK = os.path.join(REL, "dok")
BENCH = os.path.join(REL, "dok-bench")
SPEC = os.path.join(os.path.dirname(ROOT), "shared", "dokploy", "openapi.json")
PY = "/usr/bin/python3"  # the Python binary itself, never a version-manager shim
RUNS = int(os.environ.get("DOK_BENCH_RUNS", "30"))
rows = []


def timed(cmd, env=None, before=None):
    """Median wall time (ms) of RUNS runs; `before` runs untimed before each run."""
    walls = []
    for _ in range(RUNS):
        if before:
            before()
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append((time.perf_counter() - t0) * 1000)
    return statistics.median(walls)


def row(name, value, unit, versus=None, versus_value=None, goal=None, ok=None):
    ratio = f"{value / versus_value:.2f}x" if versus_value else ""
    rows.append((name, f"{value:.2f} {unit}", versus or "", f"{versus_value:.2f} {unit}" if versus_value else "", ratio, goal or "", "" if ok is None else ("met" if ok else "MISSED")))


def spec_benchmarks():
    if not os.path.exists(SPEC):
        print(f"note: {SPEC} is absent: spec benchmarks skipped", file=sys.stderr)
        return
    home = tempfile.mkdtemp(prefix="dok-bench-")
    env = dict(os.environ, HOME=home, XDG_CACHE_HOME=os.path.join(home, "cache"))
    cache = os.path.join(home, "cache")
    clear = lambda: shutil.rmtree(cache, ignore_errors=True)
    cmd = [DOK, "describe", "application.deploy", "--spec", SPEC]
    py = timed([PY, "-c", f"import json; json.load(open({SPEC!r}))"])
    cold = timed(cmd, env=env, before=clear)
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    warm = timed(cmd, env=env)
    row("describe, cold (no cache)", cold, "ms", "python3 json.load", py, "<= 0.5x", cold <= 0.5 * py)
    row("describe, warm (cache)", warm, "ms", "python3 json.load", py, "<= 15 ms", warm <= 15)
    out = subprocess.run([BENCH, "complete", SPEC], capture_output=True, text=True, check=True).stdout
    c = json.loads(out)
    row("completion p50 (10,000 lines)", c["p50_us"], "us")
    row("completion p99 (10,000 lines)", c["p99_us"], "us", goal="< 1000 us", ok=c["p99_us"] < 1000)
    shutil.rmtree(home, ignore_errors=True)


def main():
    spec_benchmarks()
    widths = [max(len(str(r[i])) for r in rows + [HEAD]) for i in range(len(HEAD))]
    for r in [HEAD] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    print(f"\n(median of {RUNS} runs each; machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')})")


HEAD = ("benchmark", "dok", "compared with", "that", "ratio", "goal", "")
if __name__ == "__main__":
    main()
