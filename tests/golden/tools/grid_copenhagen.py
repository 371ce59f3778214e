#!/usr/bin/env python3
"""Research driver (not part of the build): runs exchange_decimal_probe.py for a grid of
option sets, one process at a time under `nice -n 19`, and tabulates the first mismatch and the
per-round outcome differences. Results are cached in a TSV (one line per case + options), so a
rerun only runs what is new.

Usage:  ENTENTE_SHARED_DIR=<shared> python3 grid_copenhagen.py GRID [CASES] [ROUNDS]
GRID   name of a grid defined below (screen: copenhagen only), or @FILE with one option set a line
CASES  comma-separated cases (default copenhagen)
ROUNDS rounds to play (PROBE_ROUNDS; default 10; 5 is enough to screen copenhagen r5 s10)
Output: grid_results.tsv (case, rounds, options, first mismatch, per-round max outcome diff).
"""
import itertools, os, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'grid_results.tsv')

def grids(name):
    if name.startswith('@'):
        return [l.strip() for l in open(name[1:]) if l.strip() and not l.startswith('#')]
    g = []
    if name == 'omean':          # adjusted-mean forms x test rule, default cap
        for rule in ('', 'exact'):
            for ak, ao in itertools.product(range(5), range(4)):
                g.append(' '.join(filter(None, ['ak=%d' % ak, 'ao=%d' % ao, rule])))
            for v in range(1, 5):
                g.append(' '.join(filter(None, ['oinc=%d' % v, rule])))
    elif name == 'cap':          # cap forms, default adjusted mean
        for rule in ('', 'exact'):
            for yc, ck, co, cd in itertools.product(range(1, 23), range(3), range(4), range(2)):
                g.append(' '.join(filter(None, ['yc=%d' % yc, 'ck=%d' % ck, 'co=%d' % co, 'cd=%d' % cd, rule])))
    elif name == 'mods':         # modifiers of the ratio/partner chain with a few cap forms
        for rule in ('', 'exact'):
            for yc in (1, 2, 3, 5, 7, 9, 18, 20):
                for mod in ('', 'ycd', 'ycm', 'cons', 'moveratio', 'rtrip=1', 'rtrip=2', 'resolve=1', 'resolve=2'):
                    g.append(' '.join(filter(None, ['yc=%d' % yc, mod, rule])))
    elif name == 'mods2':        # the chain modifiers with the x*c*s cap sums
        for rule in ('', 'exact'):
            for ak in (0, 1, 2):
                for yc in (1, 2, 5, 7, 9, 18, 20):
                    for mod in ('', 'ycd', 'ycm', 'cons', 'moveratio', 'rtrip=1', 'rtrip=2', 'resolve=1', 'resolve=2', 'cd=1'):
                        g.append(' '.join(filter(None, ['ak=%d' % ak, 'yc=%d' % yc, 'ck=2', mod, rule])))
    elif name == 'combo_rat_ck2':
        omeans = ['ak=%d ao=%d' % (ak, ao) for ak in range(6) for ao in (0, 3)] + ['oinc=%d' % v for v in range(1, 5)]
        for om in omeans:
            for yc, co in itertools.product(range(1, 23), (0, 3)):
                g.append(' '.join([om, 'yc=%d' % yc, 'ck=2', 'co=%d' % co]))
    elif name in ('combo', 'combo_rat'):   # adjusted-mean form x cap form, staged screening
        rule = 'exact' if name == 'combo' else ''
        omeans = ['ak=%d ao=%d' % (ak, ao) for ak in range(6) for ao in (0, 3)] + ['oinc=%d' % v for v in range(1, 5)]
        for om in omeans:
            for yc, ck, co in itertools.product(range(1, 23), range(3), (0, 3)):
                g.append(' '.join(filter(None, [om, 'yc=%d' % yc, 'ck=%d' % ck, 'co=%d' % co, rule])))
    return g

# staged screening: each stage (case, rounds) must give "first mismatch None" to go on
STAGES = [('copenhagen', '5'), ('sample_data', '4'), ('synth6x3', '10'), ('tiny2', '10'),
          ('cop21', '10'), ('copenhagen', '10'), ('sample_data', '10')]

def parse(out):
    fm = 'ERR'; diffs = ''
    for l in out.splitlines():
        if 'first mismatch' in l:
            fm = l.split('first mismatch', 1)[1].strip()
            if fm != 'None':
                t = fm.strip('()').split(',')
                fm = 'r%s s%s' % (t[0].strip(), t[1].strip())
        if 'max |outcome diff|' in l:
            diffs = ' '.join('0' if float(v) < 1e-9 else v for v in l.split('round', 1)[1].split())
    return fm, diffs

def load_cache():
    done = {}
    if os.path.exists(OUT):
        for l in open(OUT):
            p = l.rstrip('\n').split('\t')
            if len(p) >= 5: done[(p[0], p[1], p[2])] = (p[3], p[4])
    return done

def run_one(done, f, case, rounds, opts):
    key = (case, rounds, opts)
    if key not in done:
        env = dict(os.environ, PROBE_ROUNDS=rounds)
        r = subprocess.run(['nice', '-n', '19', sys.executable, os.path.join(HERE, 'exchange_decimal_probe.py'), case] + opts.split(),
                           capture_output=True, text=True, env=env)
        fm, diffs = parse(r.stdout)
        if fm == 'ERR': diffs = (r.stderr.strip().splitlines() or ['?'])[-1][:120]
        done[key] = (fm, diffs)
        f.write('\t'.join(key + (fm, diffs)) + '\n'); f.flush()
    return done[key]

def main():
    if sys.argv[2:3] == ['staged']:
        # ENTENTE_SHARED_DIR=.. python3 grid_copenhagen.py GRID staged: STAGES in order, an
        # option set stops at its first stage without "None"
        done = load_cache()
        with open(OUT, 'a') as f:
            for opts in grids(sys.argv[1]):
                res = []
                for case, rounds in STAGES:
                    fm, diffs = run_one(done, f, case, rounds, opts)
                    res.append('%s/%s:%s' % (case, rounds, fm))
                    if fm != 'None': break
                print('%-44s %s' % (opts, ' '.join(res)), flush=True)
        return
    g = grids(sys.argv[1])
    cases = (sys.argv[2] if len(sys.argv) > 2 else 'copenhagen').split(',')
    rounds = sys.argv[3] if len(sys.argv) > 3 else '10'
    done = load_cache()
    with open(OUT, 'a') as f:
        for opts in g:
            for case in cases:
                fm, diffs = run_one(done, f, case, rounds, opts)
                print('%-11s %-40s %-10s %s' % (case, opts, fm, diffs), flush=True)

if __name__ == '__main__':
    main()
