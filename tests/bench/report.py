"""Merge the per-layer benchmark JSON files into one report.

    python tests/bench/report.py --out build/bench build/bench-c.json build/bench-python.json ...

Writes OUT.json (every row of every layer, unchanged, as one list), OUT.md
(operation x layer table of ratios to each layer's reference in the same run,
with spread and target, then per-layer detail with medians) and OUT.png (a
chart of the ratios, a reference line at 1.0 and the targets).

Rows are {"layer", "op", "size", "ours_ns", "ref", "ref_ns", "ratio", "target"}
plus optional "spread" (bench-c: ratio_q1/ratio_q3 = IQR of per-round ratios,
min/max per side) and "target_kind" ("min" when higher is better, e.g. thread
scaling). Each layer names its operations its own way ("AESGCM encrypt" in
Python, "AES-256-GCM encrypt" in C); canon() maps them onto one row of the
table. A missing input file is reported, not fatal: that layer is left out.

Absolute times are only meaningful within one run on one machine; compare
ratios, never times across runs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import sys
from pathlib import Path

LAYER_ORDER = ["c", "python", "node"]
LAYER_REF = {"c": "OpenSSL EVP (C)", "python": "pyca cryptography", "node": "node:crypto"}
COLORS = {"c": "#4C72B0", "python": "#DD8452", "node": "#55A868"}


def size_label(size) -> str:
    if size is None or size == "" or size == "-":
        return ""
    if isinstance(size, (int, float)):
        n = int(size)
        if n >= 1 << 20 and n % (1 << 20) == 0:
            return f"{n >> 20} MiB"
        if n >= 1024 and n % 1024 == 0:
            return f"{n >> 10} KiB"
        return f"{n} B"
    return str(size)


def canon(op: str, size) -> tuple[str, str]:
    """(canonical operation, canonical size) used to line up the layers."""
    s = op.lower()
    size = size_label(size)
    if "thread" in s:
        return op, size
    verb = "encrypt" if "encrypt" in s else "decrypt" if "decrypt" in s else ""
    if "chacha" in s:
        return f"ChaCha20-Poly1305 {verb}".strip(), size
    m = re.search(r"aes-?(128|192|256)?-?gcm", s)
    if m:  # pyca-style "AESGCM" rows use 256-bit keys in the Python benchmark
        return f"AES-{m.group(1) or '256'}-GCM {verb}".strip(), size
    if "pbkdf2" in s:
        return "PBKDF2-HMAC-SHA256 100k it.", ""
    m = re.search(r"rsa-?(\d{4})", s)
    if m and ("pem" in s or "load" in s):
        return f"PEM load RSA-{m.group(1)}", ""
    if m:
        bits = m.group(1)
        if "keygen" in s or "generate" in s:
            return f"RSA-{bits} keygen", ""
        if "sign" in s:
            return f"RSA-{bits} {'PSS' if 'pss' in s else 'PKCS1v15'} sign", ""
        if "verify" in s:
            return f"RSA-{bits} {'PSS' if 'pss' in s else 'PKCS1v15'} verify", ""
        if "oaep" in s and verb:
            return f"RSA-{bits} OAEP {verb}", ""
    m = re.fullmatch(r"(sha3?-?\d+|hmac-sha\d+)", s.replace(" ", ""))
    if m:
        return op.strip(), size
    # Curves (issue 13): "ECDSA P-256 sign", "ECDH P-256", "Ed25519 verify",
    # "X25519", "EC P-256 keygen", ... the same name in every layer; the
    # message size (64 B) is the same everywhere and left out.
    if s.startswith(("ecdsa ", "ecdh ", "ed25519", "ed448", "x25519", "x448", "ec p-")):
        return op.strip(), ""
    return op, size


def family_order(key: tuple[str, str]) -> tuple:
    """Sort rows: AEAD, hashes, HMAC, KDF, RSA, PEM, Fernet, ECDSA, ECDH, EdDSA/XDH, the rest."""
    op, size = key
    fam = [
        ("AES-128", 0),
        ("AES-192", 1),
        ("AES-256", 2),
        ("ChaCha", 3),
        ("SHA-", 4),
        ("SHA3", 5),
        ("HMAC", 6),
        ("PBKDF2", 7),
        ("RSA-", 8),
        ("PEM", 9),
        ("Fernet", 10),
        ("ECDSA", 11),
        ("ECDH", 12),
        ("EC P-", 12),
        ("Ed25519", 13),
        ("X25519", 14),
        ("Ed448", 15),
        ("X448", 16),
    ]
    rank = next((r for p, r in fam if op.startswith(p)), 17)
    sz = {"": 0}
    m = re.match(r"(\d+) (B|KiB|MiB)", size)
    nbytes = int(m.group(1)) * {"B": 1, "KiB": 1024, "MiB": 1 << 20}[m.group(2)] if m else 0
    bits = re.search(r"(?:RSA-|P-)(\d+)", op)
    verbs = ["keygen", "sign", "verify", "encrypt", "decrypt"]
    vrank = next((i for i, v in enumerate(verbs) if op.endswith(v)), 9)
    return (rank, int(bits.group(1)) if bits else 0, op.split(" ")[0], nbytes, vrank, op, sz.get(size, 1))


def passed(row) -> bool | None:
    r, t = row.get("ratio"), row.get("target")
    if r is None or t is None:
        return None
    return r >= t if row.get("target_kind") == "min" else r <= t


def ratio_spread(row) -> tuple[float, float] | None:
    sp = row.get("spread")
    if isinstance(sp, dict):
        for lo, hi in (("ratio_q1", "ratio_q3"), ("ratio_min", "ratio_max")):
            if sp.get(lo) is not None and sp.get(hi) is not None:
                return float(sp[lo]), float(sp[hi])
    return None


def fmt_ns(ns) -> str:
    if ns is None:
        return "-"
    ns = float(ns)
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def fmt_ratio(r: float) -> str:
    return f"{r:.2f}" if r >= 0.1 else f"{r:.2g}"


def cell(row) -> str:
    if row is None:
        return ""
    r = row.get("ratio")
    if r is None:
        return f"{fmt_ns(row.get('ours_ns'))} (abs.)"
    text = fmt_ratio(r)
    sp = ratio_spread(row)
    if sp:
        text += f" [{sp[0]:.2f}–{sp[1]:.2f}]"
    t = row.get("target")
    if t is not None:
        ge = "≥" if row.get("target_kind") == "min" else "≤"
        text += f" {ge}{t:g} " + ("✅" if passed(row) else "❌ **MISS**")
    return text


def load(paths: list[str]) -> tuple[list[dict], list[str]]:
    rows, missing = [], []
    for p in paths:
        path = Path(p)
        if not path.exists():
            missing.append(path.name)
            continue
        try:
            data = json.loads(path.read_text())
        except json.JSONDecodeError as e:
            print(f"report: {path}: not valid JSON ({e}); skipped", file=sys.stderr)
            missing.append(path.name + " (invalid)")
            continue
        if isinstance(data, dict):
            data = data.get("rows", [])
        rows.extend(r for r in data if isinstance(r, dict))
    return rows, missing


def cpu_model() -> str:
    """The CPU's model name (ratios depend on it: OpenSSL picks CPU-specific code)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def markdown(rows: list[dict], missing: list[str]) -> str:
    layers = [layer for layer in LAYER_ORDER if any(r.get("layer") == layer for r in rows)]
    layers += sorted({r.get("layer") for r in rows} - set(layers))
    table: dict[tuple[str, str], dict[str, dict]] = {}
    for r in rows:
        table.setdefault(canon(r["op"], r.get("size")), {})[r.get("layer")] = r
    keys = sorted(table, key=family_order)
    with_target = [r for r in rows if passed(r) is not None]
    misses = [r for r in with_target if not passed(r)]

    out = []
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    out.append("# libcrypto-go benchmark report\n")
    out.append(
        f"Generated {now} on {platform.node() or 'unknown host'} ({cpu_model()}, {os.cpu_count()} cores, "
        f"{platform.machine()}, "
        f"{platform.system()}). Ratio = our time / the reference's time, measured in the same "
        "process, interleaved, median over rounds (lower is better; for thread scaling, higher is "
        "better). Brackets: interquartile range of the per-round ratios where the layer reports it. "
        "Absolute times vary with machine load; **never compare absolute times across runs**, "
        "only ratios within one run.\n"
    )
    out.append("References: " + "; ".join(f"`{layer}` vs {LAYER_REF.get(layer, '?')}" for layer in layers) + ".\n")
    if missing:
        out.append(f"> **Missing layers:** {', '.join(missing)} — not run or failed; left out of this report.\n")
    missed = sorted(f"{' '.join(canon(r['op'], r.get('size'))).strip()} ({r['layer']})" for r in misses)
    out.append(
        f"Targets met: {len(with_target) - len(misses)} of {len(with_target)}"
        + (f"; missed: {', '.join(missed)}." if missed else ".")
        + "\n"
    )

    out.append("## Ratios (operation × layer)\n")
    out.append("| operation | size | " + " | ".join(layers) + " |")
    out.append("|---|---|" + "---|" * len(layers))
    for k in keys:
        out.append(f"| {k[0]} | {k[1]} | " + " | ".join(cell(table[k].get(layer)) for layer in layers) + " |")
    out.append("")

    for layer in layers:
        lrows = sorted(
            (r for r in rows if r.get("layer") == layer), key=lambda r: family_order(canon(r["op"], r.get("size")))
        )
        out.append(f"## Layer `{layer}` (reference: {LAYER_REF.get(layer, lrows[0].get('ref') if lrows else '?')})\n")
        out.append("| op | size | ours (median) | ref (median) | ratio | spread | target | |")
        out.append("|---|---|---|---|---|---|---|---|")
        for r in lrows:
            sp = r.get("spread") if isinstance(r.get("spread"), dict) else {}
            parts = []
            rs = ratio_spread(r)
            if rs:
                parts.append(f"ratio IQR {rs[0]:.2f}–{rs[1]:.2f}")
            if sp.get("ours_min_ns") is not None:
                parts.append(f"ours {fmt_ns(sp['ours_min_ns'])}–{fmt_ns(sp['ours_max_ns'])}")
            if sp.get("ref_min_ns") is not None:
                parts.append(f"ref {fmt_ns(sp['ref_min_ns'])}–{fmt_ns(sp['ref_max_ns'])}")
            if sp.get("rounds"):
                parts.append(f"{sp['rounds']} rounds")
            t = r.get("target")
            ge = "≥" if r.get("target_kind") == "min" else "≤"
            p = passed(r)
            out.append(
                f"| {r['op']} | {size_label(r.get('size'))} | {fmt_ns(r.get('ours_ns'))} | "
                f"{fmt_ns(r.get('ref_ns')) if r.get('ref') else '-'} | "
                f"{'-' if r.get('ratio') is None else format(r['ratio'], '.3f')} | {'; '.join(parts)} | "
                f"{'-' if t is None else ge + format(t, 'g')} | "
                f"{'' if p is None else ('ok' if p else '**MISS**')} |"
            )
        out.append("")
    return "\n".join(out)


def chart(rows: list[dict], path: Path, missing: list[str]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    plot = [r for r in rows if r.get("ratio") is not None and r.get("ref_ns") and r.get("target_kind") != "min"]
    if not plot:
        fig, ax = plt.subplots(figsize=(6, 2))
        ax.text(0.5, 0.5, "no ratios to plot", ha="center", va="center")
        ax.axis("off")
        fig.savefig(path, dpi=110)
        return
    layers = [layer for layer in LAYER_ORDER if any(r["layer"] == layer for r in plot)]
    layers += sorted({r["layer"] for r in plot} - set(layers))
    groups: dict[tuple[str, str], dict[str, dict]] = {}
    for r in plot:
        groups.setdefault(canon(r["op"], r.get("size")), {})[r["layer"]] = r
    keys = sorted(groups, key=family_order)

    bar_h = 0.8 / max(1, max(len(g) for g in groups.values()))
    ratios = [r["ratio"] for r in plot] + [r["target"] for r in plot if r.get("target")]
    lo, hi = min(ratios + [1.0]), max(ratios + [1.0])
    log = hi / lo > 6
    floor = 0.05  # on a log axis, smaller ratios are drawn at the edge (value still printed)
    if log:
        lo = max(lo, floor)
    fig_h = 1.6 + 0.24 * sum(max(1, len(groups[k])) for k in keys) + 0.12 * len(keys)
    fig, ax = plt.subplots(figsize=(10, fig_h))
    yticks, ylabels, y = [], [], 0.0
    for k in keys:
        present = [layer for layer in layers if layer in groups[k]]
        n = len(present)
        center = y + (n - 1) * bar_h / 2
        for i, layer in enumerate(present):
            r = groups[k][layer]
            yy = y + i * bar_h
            p = passed(r)
            left = lo / 1.6 if log else 0
            shown = max(r["ratio"], lo / 1.25) if log else r["ratio"]
            ax.barh(
                yy,
                shown - left,
                height=bar_h * 0.9,
                color=COLORS.get(layer, "#888888"),
                edgecolor="#C00000" if p is False else "none",
                linewidth=1.6 if p is False else 0,
                hatch="///" if p is False else None,
                left=left,
            )
            sp = ratio_spread(r)
            if sp:
                ax.plot([sp[0], sp[1]], [yy, yy], color="black", linewidth=0.9, alpha=0.7)
            if r.get("target"):
                ax.plot([r["target"]], [yy], marker="|", markersize=11, markeredgewidth=2.2, color="black")
            right = max([shown, r.get("target") or 0] + ([sp[1]] if sp else []))
            ax.text(
                right * (1.05 if log else 1.0) + (0 if log else hi * 0.01),
                yy,
                fmt_ratio(r["ratio"]) + (" MISS" if p is False else ""),
                va="center",
                fontsize=7,
                color="#C00000" if p is False else "black",
            )
        yticks.append(center)
        ylabels.append(f"{k[0]} {k[1]}".strip())
        y += max(1, n) * bar_h + 0.3
    ax.axvline(1.0, color="#333333", linestyle="--", linewidth=1)
    if log:
        ax.set_xscale("log")
        ax.set_xlim(lo / 1.6, hi * 2.5)
        ticks = [
            t for t in (0.05, 0.1, 0.2, 0.5, 1, 1.5, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if lo / 1.6 <= t <= hi * 2.2
        ]
        ax.set_xticks(ticks)
        ax.set_xticklabels([f"{t:g}" for t in ticks])
    else:
        ax.set_xlim(0, hi * 1.2)
    ax.set_yticks(yticks)
    ax.set_yticklabels(ylabels, fontsize=8)
    ax.invert_yaxis()
    ax.set_ylim(y - 0.2, -0.6)

    ax.grid(axis="x", linestyle=":", alpha=0.5)
    ax.set_xlabel("time ratio: ours / reference, same run (lower is better" + (", log scale)" if log else ")"))
    title = "libcrypto-go vs references (C: OpenSSL EVP; Python: pyca; Node: node:crypto)"
    if missing:
        title += "\nmissing: " + ", ".join(missing)
    ax.set_title(title, fontsize=10)
    handles = [
        Patch(color=COLORS.get(layer, "#888888"), label=f"{layer} vs {LAYER_REF.get(layer, '?')}") for layer in layers
    ]
    handles += [
        Patch(facecolor="white", edgecolor="#C00000", hatch="///", label="target missed"),
        Line2D([], [], marker="|", linestyle="none", markersize=11, markeredgewidth=2.2, color="black", label="target"),
        Line2D([], [], color="black", linewidth=0.9, label="IQR of per-round ratios"),
        Line2D([], [], color="#333333", linestyle="--", label="parity (1.0)"),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=7, framealpha=0.9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="build/bench", help="output prefix (.json, .md, .png)")
    ap.add_argument("inputs", nargs="+", help="per-layer JSON files (missing ones are reported)")
    args = ap.parse_args()
    rows, missing = load(args.inputs)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{out}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    md = markdown(rows, missing)
    Path(f"{out}.md").write_text(md + "\n")
    chart(rows, Path(f"{out}.png"), missing)
    print(md)
    print(f"\nwrote {out}.json ({len(rows)} rows), {out}.md, {out}.png")
    if missing:
        print(f"report: MISSING: {', '.join(missing)}", file=sys.stderr)
    if not rows:
        print("report: no rows at all", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
