"""Side-by-side timings for scripts/bench-compare.sh (see there)."""
import os
import platform
import statistics
import subprocess
import sys
import time


def timed(cmd, runs, stdin=None):
    """Median wall seconds of `runs` runs of a command (output discarded)."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_kib(cmd):
    """Peak resident memory (KiB) of one run of a command, measured in a
    fresh process so no earlier child's peak counts."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe] + cmd, capture_output=True, text=True, check=False)
    return int(out.stdout.strip() or 0)


def main():
    corpus, binary = sys.argv[1], sys.argv[2]
    files = sorted(
        os.path.join(corpus, f)
        for f in os.listdir(corpus)
        if f != "MANIFEST.tsv" and os.path.isfile(os.path.join(corpus, f))
    )
    size = sum(os.path.getsize(f) for f in files)
    typical = min(files, key=lambda f: abs(os.path.getsize(f) - 8000))
    largest = max(files, key=os.path.getsize)
    etree = [
        sys.executable,
        "-c",
        "import sys, xml.etree.ElementTree as ET\n"
        "for f in sys.argv[1:]:\n"
        "    try: ET.parse(f)\n"
        "    except Exception: pass\n",
    ]
    lint = [binary, "lint", "--output-format", "concise", "--exit-zero", "--isolated"]
    print(f"{len(files)} files, {size / 1e6:.2f} MB; machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_version()} python")
    print(f"typical file: {os.path.basename(typical)} ({os.path.getsize(typical)} bytes); largest: {os.path.basename(largest)} ({os.path.getsize(largest)} bytes)")
    rows = []
    for label, args in [("whole corpus", files), ("largest file", [largest]), ("typical file", [typical])]:
        ours = timed(lint + args, 15)
        xmllint = timed(["xmllint", "--noout"] + args, 15)
        py = timed(etree + args, 7)
        rows.append((label, ours, xmllint, py))
    print(f"\n{'':14} {'unattend lint':>14} {'xmllint --noout':>16} {'python etree':>13} {'xmllint/ours':>13} {'python/ours':>12}")
    for label, ours, xmllint, py in rows:
        print(f"{label:14} {ours * 1e3:11.1f} ms {xmllint * 1e3:13.1f} ms {py * 1e3:10.1f} ms {xmllint / ours:12.2f}x {py / ours:11.2f}x")
    print(f"\npeak memory, unattend lint over the whole corpus: {peak_kib(lint + files) / 1024:.1f} MiB")
    print("(xmllint only checks well-formedness; unattend lint runs every rule.)")


if __name__ == "__main__":
    main()
