#!/usr/bin/env python3
"""Research probe (not part of the build or CI): entente's Equal Gain exchange model
(src/models/exchange/, dutch_models.md section 4) re-written in Python's 28-digit decimal,
to find the operation order in which the reference implementation rounds. The reference
decides its near ties and its "adjusted mean exactly at the target" cases by decimal rounding
noise (docs/models/exchange.md, "Agreement with the reference implementation").

Usage:  ENTENTE_SHARED_DIR=<shared> python3 exchange_decimal_probe.py CASE [OPTION...]
CASE is sample_data, copenhagen, cop21, tiny2 or synth6x3. Prints the first realised exchange
that differs from the vector's exchanges.csv (with the top of the ranking at that point) and the
largest outcome difference per round. DBG=round,actor1,actor2 traces one pair's computations.

Defaults are the operation orders the vectors confirm: rt=1 and ns=1 (the printed decimal
zeros), sh=4 (an outcome shift is move*s*c/D, multiplied left to right with the salience and the
capability separately: the only grouping under which sample_data r4 s13's two candidates, which
share CDA's full move, get exactly equal gains, as the reference's tie flag says; it extends exact
agreement on sample_data from r4 s12 to r4 s41), nc=4 (the position update between rounds as
(1 - f)*x0 + f*y with f = Decimal(0.1) + Decimal(0.4)*(1 - s); the form x0 + f*(y - x0), nc=1,
was the default before and breaks cop21 at r7 s72), and `rat` for the overshoot test: when the
28-digit adjusted mean O0 is within ratulp (default 1) units of 1e-26 of the target, the sign of
the exact rational value of sum(w*x)/D - T decides (this makes synth6x3 exact for all 10 rounds,
as the double code is). Outcomes with the defaults, largest difference over the 10 rounds:
sample_data 0.262 (first divergence r9 s22), copenhagen 8.87 (r5 s10), cop21 exact in all 10
rounds, tiny2 and synth6x3 exact. exchange_decimal_replay.py (beside this file) replays the
reference's sequence and lists the overshoot decisions that contradict it.
Options select alternatives:
  nc=1,5,6,9  other forms of the position update (1: x0 + f*(y - x0); 6: x0 - f*x0 + f*y, which
              agrees with nc=4 on every case); nf=1..4 other forms of f (4: Decimal('0.1'));
              nf=5, 6: f computed in binary floats, then Decimal(f) / Decimal(repr(f))
  nall        apply the position update also to actors who did not move (breaks cop21 at r10)
  upeq        28-digit comparison where O0 == T counts as "not reached" for upward moves only
  revy2       capped move: y solved from the position, the partner's move from the usual delta
  exact       overshoot test by the 28-digit comparison alone (the previous default)
  inx         O0 == T counts as "not reached" when computing O0 rounded (Inexact flag)
  sh=0..3     the shift as move*w/D and other groupings with the product w = c*s
  capv=1..12  other forms of the capped move (see cap_overshoot)
  cons        capped move's ratio / partner's move through the same helpers as the EG solve
  cv1, revy   capped move from the outcome gap |T - O0|; y set to the solved position
  fo          sums over actors in input.csv row order instead of the #A order
  asym        at 28-digit equality after the mover's own earlier move, cap upward moves only
              (fits copenhagen r1 s30 and r5 candidate 129, breaks copenhagen r1 s39)
  ratulp=N    the window of the exact-rational rule, in units of 1e-26 (0: exact equality only)
  TRACE=1     prints every overshoot test where |O0 - T| < 1e-18 (RAT: the exact residual)
  FORCE_EQ=r:c,...   experiments: treat candidate c of round r as exactly at the target
  g2=0|1|2    gain in the branch where A moves fully: A's (0) or B's (1) formula, or B's with
              dp*s_Bp grouped as dq*(rate*s_Bp) (2)
  g1=1        gain in the branch where B moves fully grouped as dp*(rate*s_Aq)
  b2=0..3     grouping of dp = dq*(s_Aq+s_Bq)/(s_Ap+s_Bp) in that branch
  rt=0..4     grouping of the Equal Gain rate (1 confirmed)
  ns=0..3     position update constants/grouping (1..3: binary-float 0.1/0.4, confirmed)
  sh, bk, g   groupings of the shift, the move from a shift, the gain
  acs, ocs    adjusted mean / outcome summed as x*s*c instead of w*x
  specdelta, revpos, moveratio   forms of the capped move
  r3, r3b, incl, heur            overshoot comparison rules other than exact
Hypotheses for copenhagen's round-5 divergence (docs/models/exchange.md, "Ruled out"); none
of them follows the reference on all five cases:
  flt=N [fr]  a binary float inside the capped move: Decimal(float(v)) (fr: Decimal(repr(
              float(v)))) of 1 the capped move before the ratio, 2 the mover's move, 3 both
              moves, 4 the mover's capped position, 5 the same with move = y - x, 6 both
              positions, 7 the ratio, 9 the partner's move
  q=k, qm=k, qb=k, qr=k [qmv]   quantization after a cap: the mover's position, the mover's
              move, both positions (Decimal.quantize to k places), the mover's position as
              Decimal(str(round(float(y), k))); qmv also sets move = y - x
  tvote       the target is the partner's current (voting) position
  avote       the adjusted mean starts from the current voting positions, not the round start
  cp=N, cpx, ypx   the capped move in an N-digit context / exactly, rounded once to 28 digits;
              ypx: the position solved from O = T exactly and rounded once
  crm=0..5 [crmdiv]  the capped move (or only its division) under ROUND_DOWN, FLOOR, CEILING,
              UP, HALF_UP, HALF_DOWN; orm=0..5 the overshoot test's O0 under those modes
  yfl=1..4    the capped position rounded down (1, 3) / up (4) from its exact value, or the
              addition x + move rounded down (2)
  ysub=1..5 [ysubm]   the capped position from the whole sum minus the mover's term, and
              other groupings (see cap_overshoot); ysubm keeps y = x + move
  PERTURB=round:issue:actor:units[,...] (environment)  moves round-start positions by units of
              their 28th digit (sensitivity of the cap decisions to digits the vectors do not show)
  grm=0..5    the whole model under another rounding mode (as crm)
  rq=1..3     round-start positions passed through a binary float between rounds:
              Decimal(float(x)), Decimal(repr(float(x))), 15 significant digits
  inf=1..5    inputs read as floats and converted by Decimal(float): salience and power (1),
              salience (2), power (3), both and the positions (4), the positions only (5)
  oex         the adjusted mean as an exact sum rounded once (statistics.mean's conversion)
  pws, npw, pwv=k, updlast, updlast2   other summation orders of the adjusted mean: recursive
              pairwise, numpy's eight-accumulator pairwise_sum, the first k terms apart,
              updated actors (and the mover) last
Seventh session (grid over combinations; driver grid_copenhagen.py, which caches its runs in
grid_results.tsv beside it, not kept in the repository):
  acx, ocx    adjusted mean / outcome summed as x*c*s (capability first)
  ak=0..5 ao=0..3   adjusted mean by gsum(): term kind (0 w*x, 1 x*s*c, 2 x*c*s, 3 w*x/D per
              term, 4 x*s*c/D per term, 5 (w/D)*x) and order (0 #A, 1 reversed, 2 mover first,
              3 mover last)
  oinc=1..4   adjusted mean as the round-start outcome O plus per-changed-actor corrections
              w*(new - old) in four groupings (see oinc_mean)
  yc=1..22 [ck=0..2 co=0..3 cd=0..3 ycd ycm]   the capped position in 22 generic forms
              (cap_position: sums at x, at the uncapped vote, or without the mover; through
              T*D or T - S/D), the cap's sum kind/order (default ak/ao) and divisor
              (w, /s/c, /c/s, /(c*s)); ycd: move = |y - x|; ycm: y = x + move
  rtrip=1,2   the mover's move through a round trip mover ratio -> partner ratio -> mover
              ratio -> ratio*D/w (1: plain helpers, 2: rate()/back())
  resolve=1,2 the capped position as the mover's new target and the EG branch re-solved
              through shift/rate/back (2: the mover's move back from the partner's side)
  PROBE_ROUNDS=N (environment) plays N rounds only (a missing tail exchange is reported)
  Findings: with x*c*s sums in the cap (ck=2) and the plain 28-digit comparison (exact),
  copenhagen agrees in all 10 rounds (e.g. `yc=20 ck=2 exact`, `ak=1 yc=20 ck=2 exact`,
  `yc=10 ck=2 cd=1 exact`); tiny2 and synth6x3 stay exact, but sample_data loses r4 s42 (KvK,
  outcomes <= 0.074) and cop21 breaks at r3 s96, r6 s91 or r8 s41. No combination of the grid
  passes all five (docs/models/exchange.md, "Also ruled out").
PROBE_OPTS (environment) passes these to exchange_decimal_replay.py.
"""
import csv, sys, os
from decimal import Decimal as D, getcontext, Inexact
getcontext().prec = 28
VEC = os.environ.get('ENTENTE_SHARED_DIR', '../shared') + '/vectors/exchange/'
OPT = set(sys.argv[2:])
if not OPT & {'r3', 'r3b', 'incl', 'heur', 'inx', 'rat', 'exact', 'upeq', 'numupeq'}:
    OPT.add('rat')

def load(name):
    d = VEC + name
    actors, issues = [], []
    for r in csv.DictReader(open(d + '/order.csv')):
        (actors if r['kind'] == 'actor' else issues).append(r['id'])
    n, m = len(actors), len(issues)
    has = [[False]*n for _ in range(m)]
    x = [[D(0)]*n for _ in range(m)]
    s = [[D(0)]*n for _ in range(m)]
    c = [[D(0)]*n for _ in range(m)]
    ordk = [[] for _ in range(m)]
    for r in csv.DictReader(open(d + '/input.csv')):
        i, k = actors.index(r['actor']), issues.index(r['issue'])
        ordk[k].append(i)
        lo, hi, raw = D(r['lower']), D(r['upper']), D(r['position_raw'])
        has[k][i] = True
        if 'xorder2' in OPT:
            x[k][i] = (raw - lo) * 100 / (hi - lo)
        else:
            x[k][i] = D(100) / (hi - lo) * (raw - lo)
        s[k][i] = D(r['salience'])
        c[k][i] = D(r['power'])
        if 'inf' in VAR:
            # inputs read as binary floats and converted with Decimal(float): inf=1 salience
            # and power, 2 salience, 3 power, 4 positions too, 5 positions only
            vf = VAR['inf']
            if vf in (1, 2, 4): s[k][i] = D(float(r['salience']))
            if vf in (1, 3, 4): c[k][i] = D(float(r['power']))
            if vf in (4, 5): x[k][i] = D(float(x[k][i]))
    w = [[c[k][i] * s[k][i] if has[k][i] else D(0) for i in range(n)] for k in range(m)]
    if 'fo' not in OPT:
        ordk = [list(range(n)) for _ in range(m)]
    den = []
    for k in range(m):
        t = D(0)
        for i in ordk[k]:
            if has[k][i]:
                t += w[k][i]
        den.append(t)
    return dict(ord=ordk, actors=actors, issues=issues, n=n, m=m, has=has, x=x, s=s, c=c, w=w, den=den)

def outcome(T, k, pos):
    num = D(0)
    for i in T['ord'][k]:
        if T['has'][k][i]:
            if 'ocs' in OPT:
                num += pos[k][i] * T['s'][k][i] * T['c'][k][i]
            elif 'ocx' in OPT:
                num += pos[k][i] * T['c'][k][i] * T['s'][k][i]
            else:
                num += T['w'][k][i] * pos[k][i]
    return num / T['den'][k]

class Side:
    __slots__ = ('actor', 'supply', 'demand', 'round_start', 'x', 'target', 'move', 'y', 'gain', 'flag',
                 'nbs0', 'nbs1', 'history')
    def copy(self):
        o = Side()
        for a in Side.__slots__:
            setattr(o, a, getattr(self, a))
        o.history = list(self.history)
        return o

class Cand:
    pass

MINMOVE = D('1e-10'); MINGAIN = D('1e-10')

def side_valid(sd):
    mv = sd.move
    if not (abs(mv) > MINMOVE) or abs(mv) > 100: return False
    if sd.y < 0 or sd.y > 100: return False
    tot = mv
    for h in sd.history:
        if not (h * mv > 0): return False
        tot += h
    return tot <= 100

def check_valid(c):
    return c.gain >= MINGAIN and side_valid(c.a) and side_valid(c.b)

def weights(ctx, c):
    T = ctx['T']
    pw = dict(sAp=T['s'][c.p][c.a.actor], sAq=T['s'][c.q][c.a.actor], sBp=T['s'][c.p][c.b.actor],
              sBq=T['s'][c.q][c.b.actor], wAq=T['w'][c.q][c.a.actor], wBp=T['w'][c.p][c.b.actor],
              Dp=T['den'][c.p], Dq=T['den'][c.q], distA=abs(c.a.target - c.a.x),
              distB=abs(c.b.target - c.b.x))
    pw['scBp'] = (T['s'][c.p][c.b.actor], T['c'][c.p][c.b.actor])
    pw['scAq'] = (T['s'][c.q][c.a.actor], T['c'][c.q][c.a.actor])
    pw['usable'] = pw['wAq'] > 0 and pw['wBp'] > 0
    return pw

def sign(fr, to):
    return 1 if fr <= to else -1

def set_moves(pw, c, ma, mb, dp, dq):
    c.dp, c.dq = dp, dq
    c.a.move = ma if c.a.x <= c.a.target else -ma
    c.b.move = mb if c.b.x <= c.b.target else -mb
    c.a.y = c.a.x + c.a.move
    c.b.y = c.b.x + c.b.move
    c.a.gain = dp * pw['sAp'] - dq * pw['sAq']
    c.b.gain = dq * pw['sBq'] - dp * pw['sBp']

VAR = {'rt': 1, 'ns': 1, 'sh': 4, 'ratulp': 1, 'nc': 4, 'nf': 0}
for o in OPT:
    if '=' in o:
        k, v = o.split('='); VAR[k] = int(v)

if 'grm' in VAR:
    # experiment: the whole model under another rounding mode (grm=0..5 as crm)
    import decimal as _dg
    getcontext().rounding = [_dg.ROUND_DOWN, _dg.ROUND_FLOOR, _dg.ROUND_CEILING, _dg.ROUND_UP,
                             _dg.ROUND_HALF_UP, _dg.ROUND_HALF_DOWN][VAR['grm']]

def shift(move, w, Dn, sc=None):
    v = VAR.get('sh', 0)
    if v == 4: return move * sc[0] * sc[1] / Dn
    if v == 5: return move * sc[1] * sc[0] / Dn
    if v == 0: return move * w / Dn
    if v == 1: return move * (w / Dn)
    if v == 2: return w * move / Dn
    if v == 3: return w / Dn * move

def rate(dx, s1, s2, s3, s4):
    # dx * (s1 + s2) / (s3 + s4)
    v = VAR.get('rt', 0)
    if v == 0: return dx * (s1 + s2) / (s3 + s4)
    if v == 1: return dx * ((s1 + s2) / (s3 + s4))
    if v == 2: return (s1 + s2) / (s3 + s4) * dx
    if v == 3: return (s1 + s2) * dx / (s3 + s4)
    if v == 4: return dx / (s3 + s4) * (s1 + s2)

def back(ratio, Dn, w, sc=None):
    v = VAR.get('bk', 0)
    if v == 4: return ratio * Dn / (sc[1] * sc[0])
    if v == 5: return ratio * Dn / sc[0] / sc[1]
    if v == 0: return ratio * Dn / w
    if v == 1: return ratio * (Dn / w)
    if v == 2: return ratio / (w / Dn)
    if v == 3: return ratio / w * Dn

def gainf(pw, dp, dq):
    v = VAR.get('g', 0)
    if v == 0: return abs(dp * pw['sAp'] - dq * pw['sAq'])
    if v == 1: return abs(dq * pw['sBq'] - dp * pw['sBp'])
    if v == 2: return abs(pw['sAp'] * dp - pw['sAq'] * dq)

def solve_eg(pw, c):
    mb = pw['distB']
    dp = shift(mb, pw['wBp'], pw['Dp'], pw['scBp'])
    dq = rate(dp, pw['sAp'], pw['sBp'], pw['sAq'], pw['sBq'])
    ma = back(dq, pw['Dq'], pw['wAq'], pw['scAq'])
    if ma > pw['distA']:
        ma = pw['distA']
        dq = shift(ma, pw['wAq'], pw['Dq'], pw['scAq'])
        v = VAR.get('b2', 0)
        if v == 0: dp = rate(dq, pw['sAq'], pw['sBq'], pw['sAp'], pw['sBp'])
        elif v == 1: dp = dq / ((pw['sAp'] + pw['sBp']) / (pw['sAq'] + pw['sBq']))
        elif v == 2: dp = dq * (pw['sAq'] + pw['sBq']) / (pw['sAp'] + pw['sBp'])
        elif v == 3: dp = dq / (pw['sAp'] + pw['sBp']) * (pw['sAq'] + pw['sBq'])
        mb = back(dp, pw['Dp'], pw['wBp'], pw['scBp'])
        set_moves(pw, c, ma, mb, dp, dq)
        v = VAR.get('g2', 0)
        if v == 0: c.gain = gainf(pw, dp, dq)
        elif v == 1: c.gain = abs(dq * pw['sBq'] - dp * pw['sBp'])
        elif v == 2:
            r2 = (pw['sAq'] + pw['sBq']) / (pw['sAp'] + pw['sBp'])
            c.gain = abs(dq * pw['sBq'] - dq * (r2 * pw['sBp']))
        return
    set_moves(pw, c, ma, mb, dp, dq)
    c.gain = gainf(pw, dp, dq)
    if VAR.get('g1', 0) == 1:
        r1 = (pw['sAp'] + pw['sBp']) / (pw['sAq'] + pw['sBq'])
        c.gain = abs(dp * pw['sAp'] - dp * (r1 * pw['sAq']))

def np_pairwise(v):
    """numpy's pairwise_sum (umath loops) for n <= 128: sequential below 8 terms, else eight
    running accumulators, combined ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remainder."""
    n = len(v)
    if n < 8:
        acc = D(0)
        for e in v: acc += e
        return acc
    r = list(v[:8])
    i = 8
    while i + 8 <= n:
        for j in range(8): r[j] += v[i + j]
        i += 8
    res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < n:
        res += v[i]; i += 1
    return res

def split_sum(v, k):
    """Experiment: the first k terms and the rest summed separately, then added."""
    a = D(0); b = D(0)
    for e in v[:k]: a += e
    for e in v[k:]: b += e
    return a + b

def gsum(ctx, c, sd, z, kind, order, skip=False):
    """Generic sum over the supply issue's actors for the ak/ao and yc/ck/co switches.
    kind 0: w*x, 1: x*s*c, 2: x*c*s, 3: w*x/D per term, 4: x*s*c/D per term, 5: (w/D)*x
    (3-5 sum to the mean itself; as the cap's ck only 0-2);
    order 0: the #A order (T['ord']), 1: reversed, 2: the mover first, 3: the mover last;
    skip: leave the mover out (else it stands at z)."""
    T = ctx['T']; u = sd.supply; x0 = ctx['start']
    upd = {a: v for (iss, a), v in c.updates.items() if iss == u}
    idx = [i for i in T['ord'][u] if T['has'][u][i]]
    if order == 1: idx = idx[::-1]
    elif order == 2: idx = [sd.actor] + [i for i in idx if i != sd.actor]
    elif order == 3: idx = [i for i in idx if i != sd.actor] + [sd.actor]
    Dn = T['den'][u]
    acc = D(0)
    for i in idx:
        if i == sd.actor:
            if skip: continue
            pos = z
        elif i in upd: pos = upd[i]
        else: pos = x0[u][i]
        acc += gterm(T, u, i, pos, kind, Dn)
    return acc

def gterm(T, u, i, pos, kind, Dn=None):
    if kind == 0: return T['w'][u][i] * pos
    if kind == 1: return pos * T['s'][u][i] * T['c'][u][i]
    if kind == 2: return pos * T['c'][u][i] * T['s'][u][i]
    if kind == 3: return T['w'][u][i] * pos / Dn
    if kind == 4: return pos * T['s'][u][i] * T['c'][u][i] / Dn
    if kind == 5: return T['w'][u][i] / Dn * pos

def oinc_mean(ctx, c, sd, z):
    """oinc=1..4: the adjusted mean as the round-start outcome O (as the issue object would
    hold it) plus corrections for the actors whose position differs from the round start
    (the mover at z, the candidate's updates): 1: O + sum(w*(new - old)/D) term by term,
    2: O + sum(w*(new - old))/D, 3: O + sum(w*new - w*old)/D, 4: O + sum(w*new/D - w*old/D)."""
    T = ctx['T']; u = sd.supply; x0 = ctx['start']
    key = ('O', ctx['rnd'], u)
    if key not in ctx: ctx[key] = outcome(T, u, x0)
    O = ctx[key]; Dn = T['den'][u]
    upd = {a: v for (iss, a), v in c.updates.items() if iss == u}
    ch = [(i, upd[i]) for i in T['ord'][u] if i in upd and i != sd.actor]
    ch.append((sd.actor, z))
    v = VAR['oinc']
    acc = D(0)
    for i, new in ch:
        old = x0[u][i]; w = T['w'][u][i]
        if new == old: continue
        if v == 1: acc += w * (new - old) / Dn
        elif v == 2: acc += w * (new - old)
        elif v == 3: acc += w * new - w * old
        elif v == 4: acc += w * new / Dn - w * old / Dn
    return O + acc if v in (1, 4) else O + acc / Dn

def adjusted_mean(ctx, c, sd, z, want_num=False):
    if 'oinc' in VAR and not want_num:
        return oinc_mean(ctx, c, sd, z)
    if ('ak' in VAR or 'ao' in VAR):
        kind = VAR.get('ak', 0)
        if want_num:
            return gsum(ctx, c, sd, z, kind if kind < 3 else 0, VAR.get('ao', 0))
        v = gsum(ctx, c, sd, z, kind, VAR.get('ao', 0))
        return v if kind >= 3 else v / ctx['T']['den'][sd.supply]
    T = ctx['T']; u = sd.supply; x0 = ctx['start']
    num = D(0)
    upd = {a: v for (iss, a), v in c.updates.items() if iss == u}
    terms = []
    order = T['ord'][u]
    if 'updlast' in OPT or 'updlast2' in OPT:
        # experiment: actors with an update (and, for updlast, the mover) summed last, in the
        # order the updates were made
        tail = [a for a in upd if a != sd.actor]
        if 'updlast' in OPT: tail.append(sd.actor)
        order = [i for i in order if i not in tail] + tail
    for i in order:
        if not T['has'][u][i]: continue
        if i == sd.actor: pos = z
        elif i in upd: pos = upd[i]
        elif 'avote' in OPT: pos = ctx['voting'][u][i]   # hypothesis 3b: voting positions
        else: pos = x0[u][i]
        if 'acs' in OPT:
            num += pos * T['s'][u][i] * T['c'][u][i]
        elif 'acx' in OPT:
            num += pos * T['c'][u][i] * T['s'][u][i]
        else:
            num += T['w'][u][i] * pos
        terms.append(T['w'][u][i] * pos)
    if 'pws' in OPT:
        # numpy-style pairwise summation of the terms (blocks of 8 summed in order)
        def pw_sum(v):
            if len(v) <= 8:
                acc = D(0)
                for e in v: acc += e
                return acc
            h = len(v) // 2
            return pw_sum(v[:h]) + pw_sum(v[h:])
        num = pw_sum(terms)
    elif 'npw' in OPT:
        num = np_pairwise(terms)
    elif 'pwv' in VAR:
        num = split_sum(terms, VAR['pwv'])
    if 'oex' in OPT:
        # hypothesis 4 (statistics-style exact sum): the sum exact, rounded once (as
        # statistics.mean converts its exact Fraction total), the quotient rounded once
        from fractions import Fraction as F
        ex = F(0)
        for i in order:
            if not T['has'][u][i]: continue
            pos = z if i == sd.actor else upd.get(i, x0[u][i])
            ex += F(T['w'][u][i]) * F(pos)
        if want_num: return D(ex.numerator) / D(ex.denominator)
        q = ex / F(T['den'][u])
        return D(q.numerator) / D(q.denominator)
    if want_num: return num
    return num / T['den'][u]

def rational_residual(ctx, c, sd, t):
    """The exact rational value of O0 - T for side sd of candidate c: sum w*x over the supply
    issue's actors (the mover at sd.x, others at their updated or round-start positions) / D - t."""
    from fractions import Fraction as F
    T_ = ctx['T']; u = sd.supply; x0 = ctx['start']
    upd = {a: v for (iss, a), v in c.updates.items() if iss == u}
    num = F(0)
    for i in T_['ord'][u]:
        if not T_['has'][u][i]: continue
        pos = sd.x if i == sd.actor else upd.get(i, x0[u][i])
        num += F(T_['w'][u][i]) * F(pos)
    return num / F(T_['den'][u]) - F(t)

def T_s(ctx, sd): return ctx['T']['s'][sd.supply][sd.actor]
def T_c(ctx, sd): return ctx['T']['c'][sd.supply][sd.actor]

def float_in(v, mode):
    """Hypothesis: a binary float inside the capped move. flt=N selects where (see the
    header); fr takes Decimal(repr(float(v))) instead of the exact Decimal(float(v))."""
    if VAR.get('flt') != mode: return v
    return D(repr(float(v))) if 'fr' in OPT else D(float(v))

def quant(v, key):
    """Hypothesis: quantization after a cap. q=k / qb=k / qm=k: Decimal.quantize to k
    places; qr=k: Decimal(str(round(float(v), k)))."""
    if key == 'q' and 'qr' in VAR:
        return D(str(round(float(v), VAR['qr'])))
    if key not in VAR: return v
    return v.quantize(D(10) ** -VAR[key])

def cap_precision(ctx, c, sd, t, Dn, wS, delta):
    """Hypothesis 4: the capped move |T*D - sum(w*x)|/w with another precision. cp=N: the
    whole expression in an N-digit context, the result rounded once to 28 digits; cpx: exact
    rational, rounded once; ypx: the position solved from O = T exactly, rounded once to 28
    digits, the move y - x (28 digits)."""
    from decimal import localcontext
    from fractions import Fraction as F
    if 'crm' in VAR:
        # experiment: the capped move computed with another rounding mode (crm=0..5:
        # DOWN, FLOOR, CEILING, UP, HALF_UP, HALF_DOWN); crmdiv: only the division
        import decimal as _d
        mode = [_d.ROUND_DOWN, _d.ROUND_FLOOR, _d.ROUND_CEILING, _d.ROUND_UP, _d.ROUND_HALF_UP,
                _d.ROUND_HALF_DOWN][VAR['crm']]
        if 'crmdiv' in OPT:
            num = adjusted_mean(ctx, c, sd, sd.x, True)
            g = abs(t * Dn - num)
            with localcontext() as lc:
                lc.rounding = mode
                return g / wS
        with localcontext() as lc:
            lc.rounding = mode
            num = adjusted_mean(ctx, c, sd, sd.x, True)
            return abs(t * Dn - num) / wS
    if 'cp' in VAR:
        with localcontext() as lc:
            lc.prec = VAR['cp']
            num = adjusted_mean(ctx, c, sd, sd.x, True)
            d = abs(t * Dn - num) / wS
        return +d
    T_ = ctx['T']; u = sd.supply; x0 = ctx['start']
    upd = {a: v for (iss, a), v in c.updates.items() if iss == u}
    num = F(0); rest = F(0)
    for i in T_['ord'][u]:
        if not T_['has'][u][i]: continue
        pos = sd.x if i == sd.actor else upd.get(i, x0[u][i])
        num += F(T_['w'][u][i]) * F(pos)
        if i != sd.actor: rest += F(T_['w'][u][i]) * F(pos)
    def d28(fr):
        return D(fr.numerator) / D(fr.denominator) if abs(fr.numerator) < 10**27 else (
            +(D(fr.numerator) / D(fr.denominator)))
    def rnd(fr):
        # correctly rounded 28-digit value of a fraction
        with localcontext() as lc:
            lc.prec = 80
            v = D(fr.numerator) / D(fr.denominator)
        return +v
    if 'cpx' in OPT:
        return rnd(abs(F(t) * F(Dn) - num) / F(wS))
    y = rnd((F(t) * F(Dn) - rest) / F(wS))
    return abs(y - sd.x)

def y_floor(ctx, c, sd, t, Dn, wS):
    """Experiment: the capped position rounded towards minus infinity. yfl=1: the exact
    solution of O = T rounded down to 28 digits, move = y - x; yfl=2: y = x + move with the
    addition rounded down; yfl=3: as 1, the move kept; yfl=4: rounded up (ceiling), as 1."""
    import decimal as _d
    from decimal import localcontext
    from fractions import Fraction as F
    v = VAR['yfl']
    if v == 2:
        with localcontext() as lc:
            lc.rounding = _d.ROUND_FLOOR
            sd.y = sd.x + sd.move
        return
    T_ = ctx['T']; u = sd.supply; x0 = ctx['start']
    upd = {a: q for (iss, a), q in c.updates.items() if iss == u}
    rest = F(0)
    for i in T_['ord'][u]:
        if not T_['has'][u][i] or i == sd.actor: continue
        rest += F(T_['w'][u][i]) * F(upd.get(i, x0[u][i]))
    ex = (F(t) * F(Dn) - rest) / F(wS)
    with localcontext() as lc:
        lc.rounding = _d.ROUND_CEILING if v == 4 else _d.ROUND_FLOOR
        y = D(ex.numerator) / D(ex.denominator)
    sd.y = y
    if v in (1, 4): sd.move = y - sd.x

def cap_position(ctx, c, sd, t, Dn, wS, o0):
    """yc=1..22: the capped position in generic forms. Sums S(z) (the mover at z), So (the
    mover left out) with term kind ck and order co (gsum; default: ak/ao), divisor cd
    (0: /w, 1: /s/c, 2: /c/s, 3: /(c*s)); x the supply position, y the uncapped vote, m the
    uncapped move, mt(z) the mover's own term:
     1 x + |TD - S(x)|/w (the default)   2 (TD - So)/w        3 (TD - (S(x) - mt(x)))/w
     4 (TD - S(x) + mt(x))/w   5 (TD - S(x))/w + x   6 x - (S(x) - TD)/w
     7 x + (T - S(x)/D)*D/w    8 x + (T - S(x)/D)/w*D   9 x + (T - S(x)/D)/(w/D)
     10-16 as 3-9 from the uncapped vote y instead of x
     17 x + |m| - |S(y) - TD|/w   18 (T - So/D)*D/w   19 (T - So/D)/w*D   20 (T - So/D)/(w/D)
     21 x + (TD - So - mt(x))/w   22 x + (TD - (So + mt(x)))/w
    (signs: moves point towards the target). The move is the formula's own increment where it
    has one (1, 5-9, 17, 21, 22), else |y - x|; ycd: always |y - x|; ycm: y = x + move instead
    of the formula's y."""
    T = ctx['T']; u = sd.supply; i = sd.actor
    ak = VAR.get('ak', 0)
    ck = VAR.get('ck', ak if ak < 3 else 0); co = VAR.get('co', VAR.get('ao', 0))
    cd = VAR.get('cd', 0)
    sS, cS = T['s'][u][i], T['c'][u][i]
    def wd(v):
        if cd == 0: return v / wS
        if cd == 1: return v / sS / cS
        if cd == 2: return v / cS / sS
        return v / (cS * sS)
    def S(z): return gsum(ctx, c, sd, z, ck, co)
    def So(): return gsum(ctx, c, sd, None, ck, co, skip=True)
    def mt(z): return gterm(T, u, i, z, ck)
    x = sd.x; y = sd.y; TD = t * Dn
    sg = 1 if x <= t else -1
    v = VAR['yc']
    if v == 1:
        d = wd(abs(TD - S(x))); return x + sg * d, d
    if v == 2: return wd(TD - So()), None
    if v in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16):
        z = x if v <= 9 else y
        k = v if v <= 9 else v - 7
        Sz = S(z)
        if k == 3: return wd(TD - (Sz - mt(z))), None
        if k == 4: return wd(TD - Sz + mt(z)), None
        if k == 5: d = wd(TD - Sz)
        if k == 6: d = -wd(Sz - TD)
        if k == 7: d = wd((t - Sz / Dn) * Dn)
        if k == 8: d = wd(t - Sz / Dn) * Dn
        if k == 9: d = (t - Sz / Dn) / (wS / Dn)
        return z + d, (abs(d) if z is x else None)
    if v == 17:
        d = abs(sd.move) - wd(abs(S(y) - TD)); return x + sg * d, d
    if v == 18: return wd((t - So() / Dn) * Dn), None
    if v == 19: return wd(t - So() / Dn) * Dn, None
    if v == 20: return (t - So() / Dn) / (wS / Dn), None
    if v == 21: d = wd(TD - So() - mt(x))
    if v == 22: d = wd(TD - (So() + mt(x)))
    return x + d, abs(d)
    raise ValueError(v)

def cap_overshoot(ctx, pw, c):
    for which in ('a', 'b'):
        sd = getattr(c, which)
        getcontext().clear_flags()
        if 'orm' in VAR:
            # experiment: the overshoot test's adjusted means under another rounding mode
            import decimal as _d
            from decimal import localcontext
            with localcontext() as lc:
                lc.rounding = [_d.ROUND_DOWN, _d.ROUND_FLOOR, _d.ROUND_CEILING, _d.ROUND_UP,
                               _d.ROUND_HALF_UP, _d.ROUND_HALF_DOWN][VAR['orm']]
                o0 = adjusted_mean(ctx, c, sd, sd.x)
        else:
            o0 = adjusted_mean(ctx, c, sd, sd.x)
        o0_inexact = bool(getcontext().flags[Inexact])
        o1 = adjusted_mean(ctx, c, sd, sd.y)
        sd.nbs0, sd.nbs1 = o0, o1
        t = sd.target
        if 'tvote' in OPT:
            # hypothesis 3b: the target is the partner's current (voting) position
            partner = c.b if which == 'a' else c.a
            t = ctx['voting'][sd.supply][partner.actor]
        if 'heur' in OPT:
            d0 = D(0) if abs(o0 - t) < D('1e-9') else o0 - t
            d1 = o1 - t
            at_target = d0 == 0 and sd.x == sd.round_start
            between = at_target or (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
        elif 'r3b' in OPT:
            d0 = round(o0, 3) - round(t, 3); d1 = round(o1, 3) - round(t, 3)
            between = (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
        elif 'r3' in OPT:
            d0 = round(o0, 3) - round(t, 3); d1 = o1 - t
            between = (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
        elif 'incl' in OPT:
            d0 = o0 - t; d1 = o1 - t
            between = (d0 <= 0 and d1 > 0) or (d0 >= 0 and d1 < 0)
        elif 'rat' in OPT:
            d1 = o1 - t
            if 'asym' in OPT and o0 == t and sd.x != sd.round_start:
                d0 = D(0)
                if os.environ.get('TRACE'): print('ASYM', ctx['rnd'], c.index, which, 'up' if d1 > 0 else 'down')
            elif abs(o0 - t) <= D(VAR.get('ratulp', 0)) * D('1e-26'):
                r = rational_residual(ctx, c, sd, t)
                d0 = D(1) if r > 0 else (D(-1) if r < 0 else D(0))
                if '%d:%d' % (ctx['rnd'], c.index) in os.environ.get('FORCE_EQ', '').split(','):
                    d0 = D(0)
                if os.environ.get('TRACE'): print('RAT', ctx['rnd'], c.index, which, float(r))
            else:
                d0 = o0 - t
            between = (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
            if 'asym' in OPT and o0 == t and sd.x != sd.round_start:
                between = d1 > 0
        elif 'inx' in OPT:
            d0 = o0 - t; d1 = o1 - t
            between = (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0) or (d0 == 0 and o0_inexact)
        elif 'exact' in OPT:
            d0 = o0 - t; d1 = o1 - t
            between = (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
        elif 'upeq' in OPT:
            d0 = o0 - t; d1 = o1 - t
            between = (d0 <= 0 and d1 > 0) or (d0 > 0 and d1 < 0)
        elif 'numupeq' in OPT:
            d0 = adjusted_mean(ctx, c, sd, sd.x, True) - t * ctx['T']['den'][sd.supply]; d1 = o1 - t
            between = (d0 <= 0 and d1 > 0) or (d0 > 0 and d1 < 0)
        else:
            d0 = D(0) if abs(o0 - t) < D('1e-9') else o0 - t
            d1 = o1 - t
            at_target = d0 == 0 and sd.x == sd.round_start
            between = at_target or (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
        if os.environ.get('TRACE') and abs(o0 - t) < D('1e-18'):
            T_ = ctx['T']
            print('TRACE r%d c%d %s %s %s on %s dir=%s d0=%s d1=%s atrs=%s between=%s' % (ctx['rnd'], c.index, which, T_['actors'][sd.actor], 'x', T_['issues'][sd.supply], 'up' if sd.y > sd.x else 'down', o0 - t, o1 - t, sd.x == sd.round_start, between))
        if not between: continue
        Dn = pw['Dq'] if which == 'a' else pw['Dp']
        wS = pw['wAq'] if which == 'a' else pw['wBp']
        if 'yc' in VAR:
            ynew, delta = cap_position(ctx, c, sd, t, Dn, wS, o0)
            if delta is None or 'ycd' in OPT: delta = abs(ynew - sd.x)
        elif 'ysub' in VAR:
            # experiment: the position solved from O = T with the others' sum taken as the
            # whole sum minus the mover's term; ysub=1: (T*D - (S - w*x))/w, 2: the same with
            # x*s*c, 3: (T*D - S + w*x)/w, 4: (T*D - S)/w + x, 5: x + (T - O0)*D/w
            S = adjusted_mean(ctx, c, sd, sd.x, True)
            v = VAR['ysub']
            if v == 1: ynew = (t * Dn - (S - wS * sd.x)) / wS
            elif v == 2: ynew = (t * Dn - (S - sd.x * T_s(ctx, sd) * T_c(ctx, sd))) / wS
            elif v == 3: ynew = (t * Dn - S + wS * sd.x) / wS
            elif v == 4: ynew = (t * Dn - S) / wS + sd.x
            elif v == 5: ynew = sd.x + (t - o0) * Dn / wS
            delta = abs(ynew - sd.x)
        elif 'revy2' in OPT:
            rest = adjusted_mean(ctx, c, sd, D(0), True)
            ynew = (t * Dn - rest) / wS
            delta = abs(t * Dn - adjusted_mean(ctx, c, sd, sd.x, True)) / wS
        elif 'revpos' in OPT:
            rest = adjusted_mean(ctx, c, sd, D(0), True)
            if 'acs' in OPT:
                ynew = (t * Dn - rest) / (T_s(ctx, sd) * T_c(ctx, sd))
            else:
                ynew = (t * Dn - rest) / wS
            delta = abs(ynew - sd.x)
        elif 'specdelta' in OPT:
            delta = abs(t * Dn - adjusted_mean(ctx, c, sd, sd.x, True)) / wS
        elif 'capv' in VAR:
            v = VAR['capv']; sS, cS = (pw['scAq'] if which == 'a' else pw['scBp'])
            if v == 1: delta = abs(t - o0) * Dn / wS
            elif v == 2: delta = abs(t - o0) / wS * Dn
            elif v == 3: delta = abs(t - o0) / (wS / Dn)
            elif v == 4: delta = abs(t - o0) * Dn / sS / cS
            elif v == 5: delta = abs(t * Dn - o0 * Dn) / sS / cS
            elif v == 6: delta = abs((t - o0) * Dn) / (sS * cS)
            elif v == 7: delta = abs(t * Dn - adjusted_mean(ctx, c, sd, sd.x, True)) / sS / cS
            elif v == 8: delta = abs(o0 - t) * (Dn / wS)
            elif v == 9: delta = abs(sd.move) * ((t - o0) / (o1 - o0))
            elif v == 10: delta = abs(sd.move) * (t - o0) / (o1 - o0)
            elif v == 11: delta = abs(sd.move * (t - o0) / (o1 - o0))
            elif v == 12: delta = abs((t - o0) / (o1 - o0) * sd.move)
        else:
            delta = abs(t * Dn - o0 * Dn) / wS
        if 'cp' in VAR or 'crm' in VAR or 'cpx' in OPT or 'ypx' in OPT:
            delta = cap_precision(ctx, c, sd, t, Dn, wS, delta)
        delta = float_in(delta, 1)
        if 'cons' in OPT:
            scS = pw['scAq'] if which == 'a' else pw['scBp']
            if 'cv1' in OPT:
                ratio = abs(t - o0)
                delta = back(ratio, Dn, wS, scS)
            else:
                ratio = shift(delta, wS, Dn, scS)
            if which == 'a':
                dq = ratio
                dp = rate(dq, pw['sAq'], pw['sBq'], pw['sAp'], pw['sBp'])
            else:
                dp = ratio
                dq = rate(dp, pw['sAp'], pw['sBp'], pw['sAq'], pw['sBq'])
            ma = delta if which == 'a' else back(dq, pw['Dq'], pw['wAq'], pw['scAq'])
            mb = delta if which == 'b' else back(dp, pw['Dp'], pw['wBp'], pw['scBp'])
        else:
          ratio = float_in(delta * wS / Dn, 7)
          if which == 'a':
            dq = ratio
            dp = dq * (pw['sAq'] + pw['sBq']) / (pw['sAp'] + pw['sBp'])
          else:
            dp = ratio
            dq = dp * (pw['sAp'] + pw['sBp']) / (pw['sAq'] + pw['sBq'])
          ma = delta if which == 'a' else dq * pw['Dq'] / pw['wAq']
          mb = delta if which == 'b' else dp * pw['Dp'] / pw['wBp']
        if 'moveratio' in OPT:
            ma = dq * pw['Dq'] / pw['wAq']
            mb = dp * pw['Dp'] / pw['wBp']
        if 'rtrip' in VAR:
            # round trip: the mover's ratio -> the partner's ratio by the Equal Gain rate ->
            # back to the mover's ratio by the inverse rate -> the mover's move = ratio*D/w
            # (rtrip=1: plain helpers as above; 2: through rate()/back()/shift() as in solve_eg)
            if VAR['rtrip'] == 1:
                if which == 'a':
                    dq2 = dp * (pw['sAp'] + pw['sBp']) / (pw['sAq'] + pw['sBq'])
                    ma = dq2 * pw['Dq'] / pw['wAq']
                else:
                    dp2 = dq * (pw['sAq'] + pw['sBq']) / (pw['sAp'] + pw['sBp'])
                    mb = dp2 * pw['Dp'] / pw['wBp']
            else:
                if which == 'a':
                    ma = back(rate(dp, pw['sAp'], pw['sBp'], pw['sAq'], pw['sBq']), pw['Dq'], pw['wAq'], pw['scAq'])
                else:
                    mb = back(rate(dq, pw['sAq'], pw['sBq'], pw['sAp'], pw['sBp']), pw['Dp'], pw['wBp'], pw['scBp'])
        if 'resolve' in VAR:
            # the capped position as the mover's new target, then the EG branch where the
            # mover moves fully (B: steps 1-3; A: step 4) through shift/rate/back
            if which == 'b':
                mb = delta
                dp = shift(mb, pw['wBp'], pw['Dp'], pw['scBp'])
                dq = rate(dp, pw['sAp'], pw['sBp'], pw['sAq'], pw['sBq'])
                ma = back(dq, pw['Dq'], pw['wAq'], pw['scAq'])
            else:
                ma = delta
                dq = shift(ma, pw['wAq'], pw['Dq'], pw['scAq'])
                dp = rate(dq, pw['sAq'], pw['sBq'], pw['sAp'], pw['sBp'])
                mb = back(dp, pw['Dp'], pw['wBp'], pw['scBp'])
            if VAR['resolve'] == 2:
                # and the mover's move back from the partner's side (B's branch seen from A)
                if which == 'b':
                    mb = back(rate(dq, pw['sAq'], pw['sBq'], pw['sAp'], pw['sBp']), pw['Dp'], pw['wBp'], pw['scBp'])
                else:
                    ma = back(rate(dp, pw['sAp'], pw['sBp'], pw['sAq'], pw['sBq']), pw['Dq'], pw['wAq'], pw['scAq'])
        if which == 'a':
            ma = float_in(ma, 2); mb = float_in(mb, 9)
        else:
            mb = float_in(mb, 2); ma = float_in(ma, 9)
        ma = float_in(ma, 3); mb = float_in(mb, 3)
        if which == 'a': ma = quant(ma, 'qm')
        else: mb = quant(mb, 'qm')
        set_moves(pw, c, ma, mb, dp, dq)
        if VAR.get('flt') in (4, 5):
            sd.y = float_in(sd.y, VAR['flt'])
            if VAR['flt'] == 5: sd.move = sd.y - sd.x
        if VAR.get('flt') == 6:
            c.a.y = float_in(c.a.y, 6); c.b.y = float_in(c.b.y, 6)
        if 'yfl' in VAR:
            y_floor(ctx, c, sd, t, Dn, wS)
        if 'q' in VAR or 'qr' in VAR:
            sd.y = quant(sd.y, 'q')
            if 'qmv' in OPT: sd.move = sd.y - sd.x
        if 'qb' in VAR:
            c.a.y = quant(c.a.y, 'qb'); c.b.y = quant(c.b.y, 'qb')
        if 'revy' in OPT or 'revy2' in OPT or ('ysub' in VAR and 'ysubm' not in OPT):
            sd.y = ynew
        if 'yc' in VAR and 'ycm' not in OPT and 'rtrip' not in VAR and 'resolve' not in VAR:
            sd.y = ynew
        sd.nbs1 = adjusted_mean(ctx, c, sd, sd.y)
        c.gain = abs(c.a.gain)
        if not check_valid(c): return False
    return True

DBG = os.environ.get('DBG')
def compute(ctx, c):
    _compute(ctx, c)
    if DBG:
        r, a1, a2 = DBG.split(',')
        T = ctx['T']
        if ctx.get('rnd') == int(r) and {T['actors'][c.a.actor], T['actors'][c.b.actor]} == {a1, a2}:
            print('DBG', c.index, 'valid', c.valid, 'gain', c.gain)
            for nm in ('a', 'b'):
                sd = getattr(c, nm)
                print('   ', nm, T['actors'][sd.actor], T['issues'][sd.supply], 'rs', sd.round_start, 'x', sd.x, 't', sd.target, 'mv', sd.move, 'y', sd.y, 'nbs0', sd.nbs0, 'nbs1', sd.nbs1, 'hist', sd.history)

def _compute(ctx, c):
    c.valid = False
    pw = weights(ctx, c)
    if not pw['usable']:
        c.gain = D(0); return
    solve_eg(pw, c)
    if not check_valid(c): return
    if not cap_overshoot(ctx, pw, c): return
    c.valid = True

def make_side(actor, supply, demand, x0):
    sd = Side(); sd.actor, sd.supply, sd.demand = actor, supply, demand
    sd.round_start = sd.x = x0[supply][actor]
    sd.move = sd.y = sd.gain = sd.nbs0 = sd.nbs1 = D(0); sd.history = []
    return sd

def make_cand(ctx, idx, p, q, first, second):
    T = ctx['T']; x0 = ctx['start']; s = T['s']
    c = Cand(); c.index, c.p, c.q = idx, p, q; c.updates = {}
    if 'ratio' in OPT:
        swap = s[p][first] / s[q][first] < s[p][second] / s[q][second]
    else:
        lhs = s[p][first] * s[q][second]; rhs = s[p][second] * s[q][first]
        swap = lhs < rhs
    a, b = (second, first) if swap else (first, second)
    c.a = make_side(a, q, p, x0); c.a.target = x0[q][b]
    c.b = make_side(b, p, q, x0); c.b.target = x0[p][a]
    compute(ctx, c)
    return c

def recalc(ctx, e, c):
    changed = False
    for cs in (c.a, c.b):
        for es in (e.a, e.b):
            if cs.actor != es.actor or cs.supply != es.supply: continue
            cs.history.append(cs.move); cs.x = es.y; changed = True
    def demands(actor, issue):
        return (c.a.actor == actor and c.a.demand == issue) or (c.b.actor == actor and c.b.demand == issue)
    def setu(issue, actor, value):
        key = (issue, actor)
        if key in c.updates:
            old = c.updates[key]
            st = ctx['start'][issue][actor]
            kept = min(old, value) if st <= old else max(old, value)
            if kept == old: return False
            c.updates[key] = kept; return True
        c.updates[key] = value; return True
    if demands(e.b.actor, e.b.demand): changed |= setu(e.b.demand, e.a.actor, e.a.y)
    if demands(e.a.actor, e.a.demand): changed |= setu(e.a.demand, e.b.actor, e.b.y)
    if changed: compute(ctx, c)

def candidate_pool(T, ctx, start):
    """The round's candidate exchanges in the reference's order: for every pair of actors, the
    issues where one is left of the outcome and the other right of it, paired across."""
    left = [[T['has'][k][i] and start[k][i] <= outcome(T, k, start) for i in range(T['n'])] for k in range(T['m'])]
    pool = []
    for p in range(T['m']):
        for q in range(p + 1, T['m']):
            g = [[], [], [], []]
            for i in range(T['n']):
                if not (T['has'][p][i] and T['has'][q][i]): continue
                g[left[p][i] + 2 * left[q][i]].append(i)
            for i in g[0]:
                for j in g[3]: pool.append(make_cand(ctx, len(pool), p, q, i, j))
            for i in g[1]:
                for j in g[2]: pool.append(make_cand(ctx, len(pool), p, q, i, j))
    return pool

def run(T, rounds=10):
    start = [row[:] for row in T['x']]
    log = []
    outs = []
    for rnd in range(1, rounds + 1):
        if os.environ.get('PERTURB'):
            # sensitivity experiment: PERTURB=round:issue:actor:units moves one round-start
            # position by `units` units of its 28th digit before the round is played
            for item in os.environ['PERTURB'].split(','):
                pr, pk, pi, pu = item.split(':')
                if int(pr) != rnd: continue
                k, i = T['issues'].index(pk), T['actors'].index(pi)
                for _ in range(abs(int(pu))):
                    start[k][i] = start[k][i].next_plus() if int(pu) > 0 else start[k][i].next_minus()
        ctx = dict(T=T, start=start, rnd=rnd, voting=[row[:] for row in start])
        pool = candidate_pool(T, ctx, start)
        lst = list(pool)
        realised = []
        while lst:
            lst.sort(key=lambda c: c.gain, reverse=True)
            e = lst.pop(0)
            if not e.valid: continue
            realised.append(e)
            ctx['voting'][e.a.supply][e.a.actor] = e.a.y
            ctx['voting'][e.b.supply][e.b.actor] = e.b.y
            log.append((rnd, len(realised), e, [(str(x.gain), T['actors'][x.a.actor], T['issues'][x.a.supply], T['actors'][x.b.actor], T['issues'][x.b.supply], x.index, x.valid) for x in ([e] + lst[:4])]))
            nl = []
            for c in lst:
                if not c.valid: continue
                recalc(ctx, e, c)
                if c.valid: nl.append(c)
            lst = nl
        voting = [row[:] for row in start]
        for e in realised:
            voting[e.a.supply][e.a.actor] = e.a.y
            voting[e.b.supply][e.b.actor] = e.b.y
        outs.append([outcome(T, k, voting) for k in range(T['m'])])
        nxt = [row[:] for row in start]
        for k in range(T['m']):
            for i in range(T['n']):
                if not T['has'][k][i]: continue
                if voting[k][i] == start[k][i] and 'nall' not in OPT: continue
                v = VAR.get('ns', 0)
                if 'nc' in VAR:
                    sk = T['s'][k][i]; x0v = start[k][i]; yv = voting[k][i]
                    fv = VAR.get('nf', 0)
                    if fv == 0: f = D(0.1) + D(0.4) * (1 - sk)
                    elif fv == 1: f = D(0.4) * (1 - sk) + D(0.1)
                    elif fv == 2: f = D(0.1) + (1 - sk) * D(0.4)
                    elif fv == 3: f = D(0.1) + D(0.4) - D(0.4) * sk
                    elif fv == 4: f = D('0.1') + D('0.4') * (1 - sk)
                    elif fv == 5: f = D(0.1 + 0.4 * (1 - float(sk)))  # f in binary floats
                    elif fv == 6: f = D(repr(0.1 + 0.4 * (1 - float(sk))))
                    cv = VAR['nc']
                    if cv == 1: nxt[k][i] = x0v + f * (yv - x0v)
                    elif cv == 4: nxt[k][i] = (1 - f) * x0v + f * yv
                    elif cv == 41: nxt[k][i] = x0v * (1 - f) + yv * f
                    elif cv == 42: nxt[k][i] = f * yv + (1 - f) * x0v
                    elif cv == 43: nxt[k][i] = (1 - f) * x0v + yv * f
                    elif cv == 6: nxt[k][i] = x0v - f * x0v + f * yv
                    elif cv == 61: nxt[k][i] = x0v - x0v * f + yv * f
                    elif cv == 5: nxt[k][i] = x0v + f * yv - f * x0v
                    elif cv == 9: nxt[k][i] = x0v + (yv - x0v) * f
                    continue
                if v == 0:
                    f = D('0.1') + D('0.4') * (1 - T['s'][k][i])
                    nxt[k][i] = start[k][i] + f * (voting[k][i] - start[k][i])
                elif v == 1:
                    f = D(0.1) + D(0.4) * (1 - T['s'][k][i])
                    nxt[k][i] = start[k][i] + f * (voting[k][i] - start[k][i])
                elif v == 2:
                    f = D(0.1) + D(0.4) * (1 - T['s'][k][i])
                    nxt[k][i] = start[k][i] + (voting[k][i] - start[k][i]) * f
                elif v == 3:
                    f = D(0.4) * (1 - T['s'][k][i]) + D(0.1)
                    nxt[k][i] = start[k][i] + f * (voting[k][i] - start[k][i])
                elif v == 4:
                    f = D(0.1) + D(0.4) * (1 - T['s'][k][i])
                    nxt[k][i] = (1 - f) * start[k][i] + f * voting[k][i]
                elif v == 5:
                    f = D(0.1) + D(0.4) * (1 - T['s'][k][i])
                    nxt[k][i] = start[k][i] + f * voting[k][i] - f * start[k][i]
                elif v == 6:
                    f = D(0.1) + D(0.4) * (1 - T['s'][k][i])
                    nxt[k][i] = start[k][i] - f * start[k][i] + f * voting[k][i]
                elif v == 7:
                    f = D(0.1) + D(0.4) * (1 - T['s'][k][i])
                    nxt[k][i] = f * voting[k][i] + start[k][i] - f * start[k][i]
        if 'rq' in VAR:
            # round-start positions passed through a binary float between rounds (rq=1:
            # Decimal(float(x)), 2: Decimal(repr(float(x))), 3: 15 significant digits)
            for k in range(T['m']):
                for i in range(T['n']):
                    if not T['has'][k][i]: continue
                    v = nxt[k][i]
                    nxt[k][i] = (D(float(v)) if VAR['rq'] == 1 else D(repr(float(v)))
                                 if VAR['rq'] == 2 else D('%.15g' % v))
        start = nxt
    return log, outs

def main():
    name = sys.argv[1]
    T = load(name)
    log, outs = run(T, int(os.environ.get('PROBE_ROUNDS', '10')))
    rows = list(csv.DictReader(open(VEC + name + '/exchanges.csv')))
    first_bad = None
    for k, (rnd, seq, e, nextg) in enumerate(log):
        if k >= len(rows): first_bad = (rnd, seq, 'extra'); break
        r = rows[k]
        ok = (int(r['round']) == rnd and int(r['seq']) == seq and r['i_actor'] == T['actors'][e.a.actor]
              and r['j_actor'] == T['actors'][e.b.actor] and r['i_supply_issue'] == T['issues'][e.a.supply]
              and abs(float(r['gain']) - float(e.gain)) < 1e-9 and abs(float(r['i_y']) - float(e.a.y)) < 1e-9
              and abs(float(r['j_y']) - float(e.b.y)) < 1e-9)
        if not ok:
            first_bad = (rnd, seq, r['round'], r['seq'], r['i_actor'], r['j_actor'], r['gain'], T['actors'][e.a.actor], T['actors'][e.b.actor], str(e.gain))
            print('top at mismatch:'); [print('  ', t) for t in nextg]
            print('ref row:', r['i_actor'], r['i_supply_issue'], r['j_actor'], r['j_supply_issue'], r['gain'], r['tie_with_next'])
            break
    nref = sum(1 for r in rows if int(r['round']) <= len(outs))
    if first_bad is None and len(log) < nref:
        r = rows[len(log)]
        first_bad = (int(r['round']), int(r['seq']), 'missing')
    print(name, 'exchanges', len(log), 'ref', len(rows), 'first mismatch', first_bad)
    ref = list(csv.DictReader(open(VEC + name + '/outcomes.csv')))
    worst = [0.0] * 11
    for r in ref:
        rnd = int(r['round']); k = T['issues'].index(r['issue'])
        if rnd <= len(outs): worst[rnd] = max(worst[rnd], abs(float(r['outcome_voting']) - float(outs[rnd - 1][k])))
    print(' max |outcome diff| per round', ' '.join('%.3g' % v for v in worst[1:]))

if __name__ == "__main__":
    main()
