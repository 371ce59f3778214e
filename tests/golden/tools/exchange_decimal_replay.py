#!/usr/bin/env python3
"""Research tool (not part of the build or CI), beside exchange_decimal_probe.py, whose
arithmetic it uses. It replays the reference's realised exchanges (vectors/exchange/CASE/
exchanges.csv) in the reference's order and stops at the first place where the probe cannot
follow: a reference exchange that the probe has dropped, or a valid probe candidate with a
higher gain that the reference never executed. Such a contradiction is always an overshoot test
(dutch_models.md section 4.3 step 9) whose adjusted mean O0 lies within 1e-20 of the target; the
tool flips that one decision, says which way the reference went, and replays again, until the
whole run follows. The list it prints is the set of decisions a rule must reproduce.

Usage:  ENTENTE_SHARED_DIR=<shared> [RULE=..] [CAP=..] [NS=..] python3 exchange_decimal_replay.py CASE
RULE  overshoot comparison: rat (the probe's default, and this tool's:
      within 1e-26 the exact rational value decides), plain (28-digit O0 against T), asym (at 28-digit equality upward moves
      are capped, downward moves pass), incl, num, numasym (numerator against T*D).
CAP   capped move: default |T*D - sum|/w; rev (position solved from O = T, move = |y - x|); revy
      (rev, and y set to the solved position).
NS    position update between rounds: 4 = (1 - f)*x0 + f*y (default, the probe's), 1 = x0 +
      f*(y - x0), 2, 3, 5, 6, 7 other groupings.
PROBE_OPTS  probe options (space-separated) for the arithmetic, e.g. PROBE_OPTS=pws; of the
      capped-move switches only yfl=N acts here (the replay has its own capped move).
The replay does not check the order of near-tied gains (within 1e-12); the probe does.
"""
import sys, os, csv
case = sys.argv[1]
sys.argv = ['x', case, 'exact'] + os.environ.get('PROBE_OPTS', '').split()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exchange_decimal_probe as P
from decimal import Decimal as D
T = P.load(case)
A, I = T['actors'], T['issues']
FORCE = {}   # (rnd, cidx, side, n) -> 'pass'|'cap'
EVENTS = []
CNT = {}
RULE = os.environ.get('RULE', 'rat')
RATCTX = {}
def decide_default(o0, t, d1, num=None, tD=None):
    d0 = o0 - t
    if RULE == 'rat':
        if abs(d0) <= D('1e-26'):
            r = RATCTX['r']
            return (r < 0 and d1 > 0) or (r > 0 and d1 < 0)
        return (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
    if RULE == 'asym': return (d0 <= 0 and d1 > 0) or (d0 > 0 and d1 < 0)
    if RULE == 'asym2': return (d0 < 0 and d1 > 0) or (d0 >= 0 and d1 < 0)
    if RULE == 'incl': return (d0 <= 0 and d1 > 0) or (d0 >= 0 and d1 < 0)
    if RULE == 'numasym':
        d0 = num - tD
        return (d0 <= 0 and d1 > 0) or (d0 > 0 and d1 < 0)
    if RULE == 'num':
        d0 = num - tD
        return (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
    return (d0 < 0 and d1 > 0) or (d0 > 0 and d1 < 0)
def cap_overshoot(ctx, pw, c):
    for which in ('a', 'b'):
        sd = getattr(c, which)
        o0 = P.adjusted_mean(ctx, c, sd, sd.x)
        o1 = P.adjusted_mean(ctx, c, sd, sd.y)
        sd.nbs0, sd.nbs1 = o0, o1
        t = sd.target
        d1 = o1 - t
        num = P.adjusted_mean(ctx, c, sd, sd.x, True)
        if RULE == 'rat':
            RATCTX['r'] = P.rational_residual(ctx, c, sd, t)
        between = decide_default(o0, t, d1, num, t * T['den'][sd.supply])
        if abs(o0 - t) <= D('1e-20'):
            key = (ctx['rnd'], c.index, which)
            n = CNT.get(key, 0); CNT[key] = n + 1
            ev = key + (n,)
            if ev in FORCE: between = FORCE[ev] == 'cap'
            u = sd.supply; x0 = ctx['start']
            upd = {a: v for (iss, a), v in c.updates.items() if iss == u}
            terms = [(i, T['s'][u][i], T['c'][u][i], T['w'][u][i], x0[u][i], sd.x if i == sd.actor else upd.get(i, x0[u][i]), i == sd.actor) for i in T['ord'][u] if T['has'][u][i]]
            EVENTS.append(dict(ev=ev, between=between, terms=terms, x=sd.x, rs=sd.round_start, t=t, D=T['den'][u], y=sd.y, up=sd.y > sd.x, actor=sd.actor, issue=u, partner=(c.b if which == 'a' else c.a).actor))
        if not between: continue
        Dn = pw['Dq'] if which == 'a' else pw['Dp']
        wS = pw['wAq'] if which == 'a' else pw['wBp']
        CAP = os.environ.get('CAP', '')
        if CAP.startswith('rev'):
            rest = P.adjusted_mean(ctx, c, sd, D(0), True)
            ynew = (t * Dn - rest) / wS
            delta = abs(ynew - sd.x)
        else:
            delta = abs(t * Dn - P.adjusted_mean(ctx, c, sd, sd.x, True)) / wS
        ratio = delta * wS / Dn
        if which == 'a':
            dq = ratio; dp = dq * (pw['sAq'] + pw['sBq']) / (pw['sAp'] + pw['sBp'])
        else:
            dp = ratio; dq = dp * (pw['sAp'] + pw['sBp']) / (pw['sAq'] + pw['sBq'])
        ma = delta if which == 'a' else dq * pw['Dq'] / pw['wAq']
        mb = delta if which == 'b' else dp * pw['Dp'] / pw['wBp']
        P.set_moves(pw, c, ma, mb, dp, dq)
        if CAP == 'revy': sd.y = ynew
        if 'yfl' in P.VAR: P.y_floor(ctx, c, sd, t, Dn, wS)
        sd.nbs1 = P.adjusted_mean(ctx, c, sd, sd.y)
        c.gain = abs(c.a.gain)
        if not P.check_valid(c): return False
    return True
P.cap_overshoot = cap_overshoot
rows = list(csv.DictReader(open(P.VEC + case + '/exchanges.csv')))
byround = {}
for r in rows: byround.setdefault(int(r['round']), []).append(r)
def key(c): return (A[c.a.actor], I[c.a.supply], A[c.b.actor], I[c.b.supply])
def rkey(r): return (r['i_actor'], r['i_supply_issue'], r['j_actor'], r['j_supply_issue'])
def replay():
    EVENTS.clear(); CNT.clear()
    start = [row[:] for row in T['x']]
    for rnd in range(1, 11):
        ctx = dict(T=T, start=start, rnd=rnd)
        pool = P.candidate_pool(T, ctx, start)
        lst = list(pool); realised = []
        refs = byround.get(rnd, []); k = 0
        while lst:
            lst.sort(key=lambda c: c.gain, reverse=True)
            if k >= len(refs):
                extra = [c for c in lst if c.valid]
                if extra: return ('extra', rnd, extra[0].index)
                break
            r = refs[k]; k += 1
            pos = [n for n, c in enumerate(lst) if key(c) == rkey(r)]
            if not pos:
                cand = [c for c in pool if key(c) == rkey(r)]
                return ('missing', rnd, cand[0].index if cand else None, r['seq'])
            e = lst[pos[0]]
            ahead = [c for c in lst[:pos[0]] if c.valid and abs(c.gain - D(r['gain'])) > D('1e-12')]
            if ahead: return ('ahead', rnd, ahead[0].index, r['seq'])
            if not e.valid: return ('invalid', rnd, e.index, r['seq'])
            if abs(float(e.a.y) - float(r['i_y'])) > 1e-9 or abs(float(e.b.y) - float(r['j_y'])) > 1e-9:
                return ('ydiff', rnd, e.index, r['seq'])
            lst.pop(pos[0]); realised.append(e)
            nl = []
            for c in lst:
                if not c.valid: continue
                P.recalc(ctx, e, c)
                if c.valid: nl.append(c)
            lst = nl
        if k < len(refs):
            r = refs[k]
            cand = [c for c in pool if key(c) == rkey(r)]
            return ('missing', rnd, cand[0].index if cand else None, r['seq'])
        voting = [row[:] for row in start]
        for e in realised:
            voting[e.a.supply][e.a.actor] = e.a.y; voting[e.b.supply][e.b.actor] = e.b.y
        nxt = [row[:] for row in start]
        for kk in range(T['m']):
            for i in range(T['n']):
                if not T['has'][kk][i] or voting[kk][i] == start[kk][i]: continue
                NS = os.environ.get('NS', '4')
                if NS == '1':
                    f = D(0.1) + D(0.4) * (1 - T['s'][kk][i]); nxt[kk][i] = start[kk][i] + f * (voting[kk][i] - start[kk][i])
                elif NS == '2':
                    f = D(0.1) + D(0.4) * (1 - T['s'][kk][i]); nxt[kk][i] = start[kk][i] + (voting[kk][i] - start[kk][i]) * f
                elif NS == '3':
                    f = D(0.4) * (1 - T['s'][kk][i]) + D(0.1); nxt[kk][i] = start[kk][i] + f * (voting[kk][i] - start[kk][i])
                elif NS == '4':
                    f = D(0.1) + D(0.4) * (1 - T['s'][kk][i]); nxt[kk][i] = (1 - f) * start[kk][i] + f * voting[kk][i]
                elif NS == '5':
                    f = D(0.1) + D(0.4) * (1 - T['s'][kk][i]); nxt[kk][i] = start[kk][i] + f * voting[kk][i] - f * start[kk][i]
                elif NS == '6':
                    f = D(0.1) + (1 - T['s'][kk][i]) * D(0.4); nxt[kk][i] = start[kk][i] + f * (voting[kk][i] - start[kk][i])
                elif NS == '7':
                    f = D(0.1) + D(0.4) - D(0.4) * T['s'][kk][i]; nxt[kk][i] = start[kk][i] + f * (voting[kk][i] - start[kk][i])
        start = nxt
    return None
def describe(e):
    num = D(0)
    for t in e['terms']: num += t[3] * t[5]
    return '%s on %s, %s, %s, O0 - T = %s' % (A[e['actor']], I[e['issue']], 'up' if e['up'] else 'down',
        'at its round-start position' if e['x'] == e['rs'] else 'moved earlier this round', num / e['D'] - e['t'])
for it in range(40):
    res = replay()
    print('replay', it, 'first contradiction:', res)
    if res is None: break
    kind, rnd, cidx = res[0], res[1], res[2]
    evs = [e for e in EVENTS if e['ev'][0] == rnd and e['ev'][1] == cidx]
    if kind in ('missing', 'invalid'):
        cands = [e for e in evs if e['between']]
        if not cands: print('  no near-eq cap event for', cidx); break
        FORCE[cands[-1]['ev']] = 'pass'; print('  the reference passes (round, candidate, side, test):', cands[-1]['ev'], describe(cands[-1]))
    elif kind in ('ahead', 'extra'):
        cands = [e for e in evs if not e['between']]
        if not cands: print('  no near-eq pass event for', cidx); break
        FORCE[cands[0]['ev']] = 'cap'; print('  the reference caps (round, candidate, side, test):', cands[0]['ev'], describe(cands[0]))
    else:
        break
