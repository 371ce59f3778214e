#!/usr/bin/env python3
"""Research probe (not part of the build or CI): decisionmechanics/eum at q < 1.

Finding (mode `eum`): emission_eumq05 is exact in all 10 rounds when partners at an actor's own
position are classified like any pair (switch same_off=incl) and the other side's U^b/U^w and T
use x_i's distance to mu; `scholz-equations` implements this (other_mu=target,
same_position=classify). The hidden-state switches below were ruled out first.

The golden vector shared/vectors/bdm/emission_eumq05.rounds.csv (eum, C#, q = 0.5) is not
reproduced by entente's `scholz-equations` preset (docs/models/expected_utility.md, "Where spec,
paper and code disagree"). Earlier searches ran each candidate reading of eum's no-challenge term
round by round from eum's own previous positions. This probe tests the one family they could not
see: state that eum's `Issue` object carries from one SimulateRound() to the next (the reference
driver builds `new Issue(x, c, s, q)` once and calls SimulateRound() ten times). It runs whole
10-round trajectories.

The core is a plain Python re-statement of the eum reading of shared/models/expected_utility.md
(A5 Borda mu, A7 geometric T, A11 s_j, A12 r = 0 on equal security levels, |E| < 1e-4 is zero,
weighted compromise, category priority then least move). Mode `q1` checks that it reproduces
every *_eum case at q = 1 exactly; that pins everything that does not depend on q.

Usage:  ENTENTE_SHARED_DIR=<shared> python3 eum_hidden_state_probe.py MODE
  q1       every *_eum case at q = 1 and the spec reading at q = 0.5: first round that differs;
           KEY=value arguments set hidden-state switches (most of them also act at q = 1);
           also runs the in-place update variants (seq) at q = 1
  round1   enumerate the q-dependent readings (below) for the a term, the b term and the
           security term independently, times mu and the security salience, and keep those that
           give eum's round-1 positions; writes them to $OUT (default /tmp/eum_round1.pkl).
           UBR1=1: the no-challenge term evaluated risk-neutrally (r = 1) in the offer pass too.
           R1OFF=1: round-1 offers with r = 1 (r updated after the offers; grid r_off=prev).
           SAME_SEC=skip: pairs at one position left out of the security sums; SAME_OFF=incl:
           partners at i's own position make (zero-move) proposals. Both are invisible at q = 1,
           where such a pair's E(U) is 0 (grid switches same_sec, same_off).
           FROM=t: the step from eum's round-t positions to its round t+1 in isolation.
  grid     every round-1 match from $OUT, run for 10 rounds under each combination of the
           hidden-state switches given as KEY=v1,v2 arguments (defaults: all values below);
           prints, per combination, how many candidates fail first at each round, and FOUND
           lines for any that pass round 4 or all 10.
  eum      the reading `scholz-equations` now uses (spec reading for E^i(U_ij) and the
           security levels; the other side's U^b/U^w and T from x_i's distance to mu; partners
           at one's own position classified): per round, eum's positions and the model's
  seq      positions updated in place in actor order (switch d), over the spec-shared readings
           and the round-1 matches: `P` mode recomputes P and E(U) from the live positions,
           `full` also mu, security levels and r before each actor.

No-challenge readings (one per term): composition bracket  Q Usq + (1-Q)[T Ub + (1-T) Uw],
unbracket  Q Usq + (1-Q) T Ub + (1-T) Uw,  signflip  Q Usq - (1-Q)[...],  noq  Q Usq + [...];
distance to mu from the challenger or the target (g); T geometric with the challenger's or the
target's distance (h), strict or <=, or T = 0, T = 1; Ub/Uw exponent of the perceiver or of the
other actor.  mu: Borda (7 on emission), the c*s-weighted mean, or 0 in round 1 (a field read
before it is first computed; MU=zero for `round1`).

Hidden-state switches (grid):
  mu      cur | init | prev      mu from the round's positions / the initial ones / last round's
  Tpos    cur | init | prev      positions used for T and the Ub/Uw distances
  Tonly   none | init | prev     only T from those positions (distances current)
  r_sec   one | prev             security pass with r reset to 1, or last round's r (b)
  r_off   new | prev | lag       offer pass with this round's r, last round's, or r computed
                                 one round late (round 1 uses its own)
  S_norm  cur | cummax | prev | acc   R from this round's max/min S, the running max/min, last
                                 round's max/min, or S accumulated over rounds (never reset) (c)
  cache   F | T                  a pair's (a, b) reused while both positions are unchanged (e)
  accum   none | pos | posnz | idx | idxnz   the list of proposals never cleared: every earlier
                                 round's proposals compete again (as positions, or as `move to
                                 x_j` re-read; nz: proposals that no longer move are skipped)
Results are recorded in docs/models/expected_utility.md.
"""
import csv
import itertools
import os
import pickle
import sys
from collections import Counter

VEC = os.environ.get('ENTENTE_SHARED_DIR', '../shared') + '/vectors/bdm/'
NAN = float('nan')


def load_input(ds):
    rows = list(csv.DictReader(open(VEC + ds + '.input.csv')))
    return ([r['actor'] for r in rows], [float(r['position']) for r in rows],
            [float(r['capability']) for r in rows], [float(r['salience']) for r in rows])


def load_rounds(case, names):
    traj = {}
    for r in csv.DictReader(open(VEC + case + '.rounds.csv')):
        traj.setdefault(int(r['round']), {})[r['actor']] = float(r['position'])
    return [[traj[t][a] for a in names] for t in sorted(traj)]


def rpow(b, r):
    """C# Math.Pow: x^0 = 1, a negative base with a non-integer exponent is NaN."""
    if r == 1.0:
        return b
    if r == 0.0:
        return 1.0
    if b != b or r != r or (b < 0.0 and r != int(r)):
        return NAN
    if b == 0.0:
        return 0.0 if r > 0 else float('inf')
    try:
        return b ** r
    except (OverflowError, ZeroDivisionError):
        return float('inf')


def us(d, r): return 2 - 4 * rpow(0.5 - 0.5 * d, r)          # Sch eq. 15
def uf(d, r): return 2 - 4 * rpow(0.5 + 0.5 * d, r)          # Sch eq. 16
def usq(r): return 2 - 4 * rpow(0.5, r)                       # Sch eq. 24
def ub(dm, d, r): return 2 - 4 * rpow(0.5 - 0.25 * (dm + d), r)  # Sch eq. 18
def uw(dm, d, r): return 2 - 4 * rpow(0.5 + 0.25 * (dm + d), r)  # Sch eq. 19


def borda(x, w):
    """eum's mu (A5): argmax_a sum_b sum_k v_k(a, b) = argmin_a sum_k w_k |x_k - x_a|."""
    best, cost = 0, None
    for a in range(len(x)):
        c = sum(w[k] * abs(x[k] - x[a]) for k in range(len(x)))
        if cost is None or c < cost:
            best, cost = a, c
    return x[best]


def wmean(x, w):
    return sum(wk * xk for wk, xk in zip(w, x)) / sum(w)


def prob(x, w, i, j):
    """Sch eq. 30 with linear votes; 0 when x_i = x_j (A12)."""
    if x[i] == x[j]:
        return 0.0
    pos = tot = 0.0
    for k in range(len(x)):
        v = w[k] * (abs(x[k] - x[j]) - abs(x[k] - x[i]))
        pos += max(v, 0.0)
        tot += abs(v)
    return pos / tot if tot > 0 else 0.0


def classify(a, b, xi, xj, thr=1e-4, same=False):
    """(category, new position) for i, or None. 0 conflict lost, 1 compromise, 2 compel.
    same: a partner at i's own position is classified too (its proposal moves i nowhere)."""
    if xi == xj and not same:
        return None
    a = 0.0 if abs(a) < thr else a
    b = 0.0 if abs(b) < thr else b
    if a > 0 and b > 0:
        return (0, xj) if b > a else None
    if b > 0 and a <= 0:
        if b > abs(a):
            return (1, xi if xi == xj else (abs(a) * xi + abs(b) * xj) / (abs(a) + abs(b)))
        if b < abs(a):
            return (2, xj)
    return None


def rexp_of(big_r):
    try:
        return (1 - big_r / 3) / (1 + big_r / 3)  # Sch eq. 33
    except ZeroDivisionError:
        return float('inf')


T_OPTS = [('geo', 'c', False), ('geo', 'c', True), ('geo', 't', False), ('geo', 't', True),
          (0, None, None), (1, None, None)]
NC_OPTS = list(itertools.product(['bracket', 'unbracket', 'signflip', 'noq'], ['c', 't'],
                                 T_OPTS, ['p', 'o']))
SPEC = ('bracket', 'c', ('geo', 'c', False), 'p')


class Case:
    def __init__(self, ds, ref_case, q):
        self.names, self.x0, c, self.s = load_input(ds)
        self.ref = load_rounds(ref_case, self.names)
        self.n = len(self.x0)
        self.w = [c[k] * self.s[k] for k in range(self.n)]
        self.D = max(self.x0) - min(self.x0)
        self.q = q

    def nc(self, opt, ci, ti, r_p, r_o, x, mu, xt=None):
        """The no-challenge term of challenger ci against target ti under reading `opt`."""
        q = self.q
        if q == 1.0:
            return usq(r_p)
        comp, g, (t, h, le), rexp = opt
        r = r_p if rexp == 'p' else r_o
        if t == 'geo':
            xx = x if xt is None else xt
            hx = xx[ci] if h == 'c' else xx[ti]
            dd = abs(xx[ci] - xx[ti])
            t = 1.0 if ((abs(hx - mu) <= dd) if le else (abs(hx - mu) < dd)) else 0.0
        gx = x[ci] if g == 'c' else x[ti]
        dm, d = abs(gx - mu) / self.D, abs(x[ci] - x[ti]) / self.D
        bb, ww, sq = ub(dm, d, r), uw(dm, d, r), usq(r)
        if comp == 'bracket':
            return q * sq + (1 - q) * (t * bb + (1 - t) * ww)
        if comp == 'unbracket':
            return q * sq + (1 - q) * t * bb + (1 - t) * ww
        if comp == 'signflip':
            return q * sq - (1 - q) * (t * bb + (1 - t) * ww)
        return q * sq + (t * bb + (1 - t) * ww)

    def trajectory(self, muname, sal, so, ao, bo, hs, rounds=10, stop=True):
        """First round that differs from the vector (None: all match), or the trajectory."""
        n, s, w, x0, D = self.n, self.s, self.w, self.x0, self.D
        ra = (lambda v: 1.0) if hs.get('ubr1') else (lambda v: v)
        r = [1.0] * n
        prevx, shist, cache, offers = list(x0), [], {}, {}
        x, out = list(x0), [list(x0)]
        for t in range(1, rounds + 1):
            mufn = (lambda xx: wmean(xx, w)) if muname == 'mean' else (lambda xx: borda(xx, w))
            mu = 0.0 if (muname == 'zero' and t == 1) else \
                {'cur': mufn(x), 'init': mufn(x0), 'prev': mufn(prevx)}[hs['mu']]
            xpos = {'cur': x, 'init': x0, 'prev': prevx}[hs['Tpos']]
            xtt = {'none': None, 'init': x0, 'prev': prevx}[hs.get('Tonly', 'none')]
            p = [[prob(x, w, i, j) for j in range(n)] for i in range(n)]

            def base(ci, ti, rr, sres):
                d = abs(x[ci] - x[ti]) / D
                return sres * (p[ci][ti] * us(d, rr) + (1 - p[ci][ti]) * uf(d, rr)) + \
                    (1 - sres) * us(d, rr)
            rs = r if hs['r_sec'] == 'prev' else [1.0] * n
            sec = [0.0] * n
            for i in range(n):
                for j in range(n):
                    if i != j and not (hs.get('same_sec') == 'skip' and x[i] == x[j]):
                        sres = s[i] if sal == 't' else s[j]
                        sec[i] += base(j, i, rs[j], sres) - \
                            self.nc(so, j, i, rs[j], rs[i], xpos, mu, xtt)
            if hs['S_norm'] == 'acc' and shist:
                sec = [a + b for a, b in zip(sec, shist[-1])]
            shist.append(sec)
            if hs['S_norm'] == 'cummax':
                hi, lo = max(max(h) for h in shist), min(min(h) for h in shist)
            elif hs['S_norm'] == 'prev' and len(shist) > 1:
                hi, lo = max(shist[-2]), min(shist[-2])
            else:
                hi, lo = max(sec), min(sec)
            rnew = [0.0] * n if not hi > lo else \
                [rexp_of((2 * v - hi - lo) / (hi - lo)) for v in sec]
            ro = rnew if (hs['r_off'] == 'new' or (hs['r_off'] == 'lag' and t == 1)) else r
            nxt = list(x)
            for i in range(n):
                best = [None] * 3
                for j in range(n):
                    same_off = hs.get('same_off') == 'incl'
                    if i == j or (x[i] == x[j] and not same_off):
                        continue
                    if hs['cache'] and (i, j) in cache and cache[i, j][0] == (x[i], x[j]):
                        a, b = cache[i, j][1]
                    else:
                        a = base(i, j, ro[i], s[j]) - \
                            self.nc(ao, i, j, ra(ro[i]), ra(ro[j]), xpos, mu, xtt)
                        b = base(j, i, ro[j], s[j]) - \
                            self.nc(bo, j, i, ra(ro[j]), ra(ro[i]), xpos, mu, xtt)
                        cache[i, j] = ((x[i], x[j]), (a, b))
                    pr = classify(a, b, x[i], x[j], same=same_off)
                    if pr is not None:
                        offers.setdefault(i, []).append((pr[0], pr[1], j))
                        key = abs(pr[1] - x[i])
                        if best[pr[0]] is None or key < best[pr[0]][0]:
                            best[pr[0]] = (key, pr[1])
                if hs.get('accum', 'none') != 'none':  # offer list never cleared
                    best = [None] * 3
                    for cat, to, j in offers.get(i, []):
                        if hs['accum'].startswith('idx') and cat != 1:
                            to = x[j]
                        key = abs(to - x[i])
                        if key == 0 and hs['accum'].endswith('nz'):
                            continue
                        if best[cat] is None or key < best[cat][0]:
                            best[cat] = (key, to)
                for bb in best:
                    if bb is not None:
                        nxt[i] = bb[1]
                        break
            r, prevx, x = rnew, x, nxt
            out.append(x)
            if stop and any(abs(a - b) > 1e-9 for a, b in zip(x, self.ref[t])):
                return t
        return None if stop else out

    def seq_trajectory(self, muname, sal, so, ao, bo, mode, rounds=10):
        """Switch (d): in-place updates in actor order. First round that differs, or None."""
        n, s, w, D = self.n, self.s, self.w, self.D
        x = list(self.x0)
        for t in range(1, rounds + 1):
            def state(xx):
                mu = wmean(xx, w) if muname == 'mean' else borda(xx, w)
                sec = [0.0] * n
                for i in range(n):
                    for j in range(n):
                        if i != j:
                            pj = prob(xx, w, j, i)
                            d = abs(xx[i] - xx[j]) / D
                            sr = s[i] if sal == 't' else s[j]
                            sec[i] += sr * (pj * us(d, 1) + (1 - pj) * uf(d, 1)) + \
                                (1 - sr) * us(d, 1) - self.nc(so, j, i, 1.0, 1.0, xx, mu)
                hi, lo = max(sec), min(sec)
                return mu, ([0.0] * n if not hi > lo else
                            [rexp_of((2 * v - hi - lo) / (hi - lo)) for v in sec])
            mu, r = state(x)
            xs = list(x)
            for i in range(n):
                if mode == 'full' and i > 0:
                    mu, r = state(xs)
                best = [None] * 3
                for j in range(n):
                    if i == j or xs[i] == xs[j]:
                        continue
                    d = abs(xs[i] - xs[j]) / D
                    pij, pji = prob(xs, w, i, j), prob(xs, w, j, i)
                    a = s[j] * (pij * us(d, r[i]) + (1 - pij) * uf(d, r[i])) + \
                        (1 - s[j]) * us(d, r[i]) - self.nc(ao, i, j, r[i], r[j], xs, mu)
                    b = s[j] * (pji * us(d, r[j]) + (1 - pji) * uf(d, r[j])) + \
                        (1 - s[j]) * us(d, r[j]) - self.nc(bo, j, i, r[j], r[i], xs, mu)
                    pr = classify(a, b, xs[i], xs[j])
                    if pr is not None:
                        key = abs(pr[1] - xs[i])
                        if best[pr[0]] is None or key < best[pr[0]][0]:
                            best[pr[0]] = (key, pr[1])
                for bb in best:
                    if bb is not None:
                        xs[i] = bb[1]
                        break
            x = xs
            if any(abs(a - b) > 1e-9 for a, b in zip(x, self.ref[t])):
                return t
        return None


HS0 = dict(mu='cur', Tpos='cur', Tonly='none', r_sec='one', r_off='new', S_norm='cur',
           cache=False, accum='none', same_sec='incl', same_off='skip')
GRID = dict(mu=['cur', 'init', 'prev'], Tpos=['cur', 'init', 'prev'],
            Tonly=['none', 'init', 'prev'], r_sec=['one', 'prev'],
            r_off=['new', 'prev', 'lag'], S_norm=['cur', 'cummax', 'prev', 'acc'],
            cache=[False, True], accum=['none', 'pos', 'posnz', 'idx', 'idxnz'],
            same_sec=['incl', 'skip'], same_off=['skip', 'incl'])


def parse_switches(args):
    hs = dict(HS0)
    for a in args:
        k, v = a.split('=')
        hs[k] = {'F': False, 'T': True}.get(v, v)
    return hs


def mode_q1(args):
    hs = parse_switches(args)
    for ds in ['emission', 'sultan', 'china', 'honduras', 'argentina', 'iran2013', 'greece']:
        case = Case(ds, ds + '_eum', 1.0)
        first = case.trajectory('borda', 't', SPEC, SPEC, SPEC, hs, len(case.ref) - 1)
        print(ds + '_eum', 'exact' if first is None else 'differs from round %d' % first)
    for mode in ['P', 'full']:
        bad = [ds for ds in ['emission', 'sultan', 'china', 'argentina', 'iran2013', 'greece']
               if Case(ds, ds + '_eum', 1.0).seq_trajectory('borda', 't', SPEC, SPEC, SPEC, mode,
                                                           len(load_rounds(ds + '_eum',
                                                               load_input(ds)[0])) - 1)]
        print('in-place updates (seq %s) differ on' % mode, ', '.join(bad) or 'nothing')
    case = Case('emission', 'emission_eumq05', 0.5)
    first = case.trajectory('borda', 't', SPEC, SPEC, SPEC, hs)
    print('emission_eumq05 (spec reading)', 'exact' if first is None else
          'differs from round %d' % first)


def mode_round1():
    import numpy as np
    case = Case('emission', 'emission_eumq05', 0.5)
    n, s, w, D = case.n, case.s, case.w, case.D
    start = int(os.environ.get('FROM', '0'))
    x = case.ref[start]
    ubr1 = bool(os.environ.get('UBR1'))
    same_sec = os.environ.get('SAME_SEC', 'incl')
    same_off = os.environ.get('SAME_OFF', 'skip')
    ra = (lambda v: 1.0) if ubr1 else (lambda v: v)
    mus = {'borda': borda(x, w), 'mean': wmean(x, w), 'zero': 0.0}
    if os.environ.get('MU'):
        mus = {k: mus[k] for k in os.environ['MU'].split(',')}
    p = [[prob(x, w, i, j) for j in range(n)] for i in range(n)]

    def base(ci, ti, rr, sres):
        d = abs(x[ci] - x[ti]) / D
        return sres * (p[ci][ti] * us(d, rr) + (1 - p[ci][ti]) * uf(d, rr)) + \
            (1 - sres) * us(d, rr)
    target = case.ref[start + 1]
    matches = []
    for muname, mu in mus.items():
        for sal in ['t', 'j']:
            rsets = {}
            for so in NC_OPTS:
                sec = [sum(base(j, i, 1.0, s[i] if sal == 't' else s[j]) -
                           case.nc(so, j, i, 1.0, 1.0, x, mu) for j in range(n)
                           if j != i and not (same_sec == 'skip' and x[i] == x[j]))
                       for i in range(n)]
                hi, lo = max(sec), min(sec)
                r = tuple([0.0] * n if not hi > lo else
                          [rexp_of((2 * v - hi - lo) / (hi - lo)) for v in sec])
                rsets.setdefault(r, []).append(so)
            if os.environ.get('R1OFF'):  # offers before the first risk update: r = 1
                rsets = {tuple([1.0] * n): NC_OPTS}
            for r, sos in rsets.items():
                k_n = len(NC_OPTS)
                am, bm = np.zeros((k_n, n, n)), np.zeros((k_n, n, n))
                for k, opt in enumerate(NC_OPTS):
                    for i in range(n):
                        for j in range(n):
                            if i != j and (x[i] != x[j] or same_off == 'incl'):
                                am[k, i, j] = base(i, j, r[i], s[j]) - \
                                    case.nc(opt, i, j, ra(r[i]), ra(r[j]), x, mu)
                                bm[k, i, j] = base(j, i, r[j], s[j]) - \
                                    case.nc(opt, j, i, ra(r[j]), ra(r[i]), x, mu)
                ok = np.ones((k_n, k_n), bool)
                xj = np.array(x)
                for i in range(n):
                    a, b = np.broadcast_arrays(am[:, None, i, :], bm[None, :, i, :])
                    a = np.where(np.abs(a) < 1e-4, 0.0, a)
                    b = np.where(np.abs(b) < 1e-4, 0.0, b)
                    valid = ((xj != x[i]) if same_off != 'incl' else
                             (np.arange(n) != i))[None, None, :]
                    conf = valid & (a > 0) & (b > 0) & (b > a)
                    cmpr = valid & (b > 0) & (a <= 0) & (b > np.abs(a))
                    capi = valid & (b > 0) & (a <= 0) & (b < np.abs(a))
                    den = np.abs(a) + np.abs(b)
                    to_c = (np.abs(a) * x[i] + np.abs(b) * xj) / np.where(den > 0, den, 1)
                    to_j = np.broadcast_to(xj, a.shape)
                    res = np.full(a.shape[:2], x[i])
                    done = np.zeros(a.shape[:2], bool)
                    for mask, to in [(conf, to_j), (cmpr, to_c), (capi, to_j)]:
                        jb = np.argmin(np.where(mask, np.abs(to - x[i]), np.inf), axis=2)
                        has = mask.any(axis=2) & ~done
                        val = np.take_along_axis(to, jb[..., None], 2)[..., 0]
                        res = np.where(has, val, res)
                        done |= mask.any(axis=2)
                    ok &= np.abs(res - target[i]) < 1e-9
                for ka, kb in zip(*np.nonzero(ok)):
                    matches.extend((muname, sal, so, NC_OPTS[ka], NC_OPTS[kb]) for so in sos)
    print(len(matches), 'readings give round %d from round %d' % (start + 1, start),
          '(UBR1)' if ubr1 else '')
    pickle.dump(matches, open(os.environ.get('OUT', '/tmp/eum_round1.pkl'), 'wb'))


def mode_grid(args):
    case = Case('emission', 'emission_eumq05', 0.5)
    grid = dict(GRID)
    for a in args:
        k, v = a.split('=')
        grid[k] = [{'F': False, 'T': True}.get(u, u) for u in v.split(',')]
    matches = pickle.load(open(os.environ.get('OUT', '/tmp/eum_round1.pkl'), 'rb'))
    keys = list(grid)
    for combo in itertools.product(*(grid[k] for k in keys)):
        hs = dict(zip(keys, combo))
        cnt = Counter()
        for m in matches:
            first = case.trajectory(*m, hs)
            cnt[first] += 1
            if first is None or first > 3:
                print('FOUND', first, hs, m, flush=True)
        print(hs, dict(cnt), flush=True)


EUM_B = ('bracket', 't', ('geo', 't', False), 'p')  # the other side anchored at x_i


def mode_eum():
    case = Case('emission', 'emission_eumq05', 0.5)
    hs = dict(HS0, same_off='incl')
    tr = case.trajectory('borda', 't', SPEC, SPEC, EUM_B, hs, stop=False)
    for t, (mine, ref) in enumerate(zip(tr, case.ref)):
        print(t, 'exact' if mine == ref else 'DIFFERS', ' '.join('%g' % v for v in mine))
    for ds in ['emission', 'sultan', 'china', 'honduras', 'argentina', 'iran2013', 'greece']:
        c1 = Case(ds, ds + '_eum', 1.0)
        first = c1.trajectory('borda', 't', SPEC, SPEC, EUM_B, hs, len(c1.ref) - 1)
        print(ds + '_eum (q = 1)', 'exact' if first is None else 'differs from round %d' % first)


def mode_seq():
    case = Case('emission', 'emission_eumq05', 0.5)
    cands = [(mu, sal, o, o, o) for mu in ['borda', 'mean'] for sal in ['t', 'j'] for o in NC_OPTS]
    path = os.environ.get('OUT', '/tmp/eum_round1.pkl')
    if os.path.exists(path):
        cands += pickle.load(open(path, 'rb'))
    for mode in ['P', 'full']:
        cnt = Counter(case.seq_trajectory(*c, mode) for c in cands)
        print('seq', mode, dict(cnt), flush=True)


if __name__ == '__main__':
    if len(sys.argv) < 2 or sys.argv[1] not in ('q1', 'round1', 'grid', 'seq', 'eum'):
        sys.exit(__doc__)
    {'q1': lambda: mode_q1(sys.argv[2:]), 'round1': mode_round1, 'seq': mode_seq, 'eum': mode_eum,
     'grid': lambda: mode_grid(sys.argv[2:])}[sys.argv[1]]()
