DATA LIST LIST /id x y q1 q2 q3 q4 q5 (F8.2) s (A4).
BEGIN DATA.
1 3 20 1 2 3 4 5 ja
2 . 40 1 . 3 . 5 nee
3 0 . 2 -1 . 4 . ja
4 9 15 . . . . 1 m
5 4 95 5 5 5 5 5 zz
6 2 60 1 1 2 3 8 aa
7 1 0 . 4 . 4 . ja
8 0 7 3 3 . . . nee
9 5 . . . . . . b
10 -2 35 2 4 6 8 10 ja
END DATA.
MISSING VALUES x (9) y (90 THRU 99) q2 (-1).
COMPUTE add = x + y.
COMPUTE mul_zero_missing = x * y.
COMPUTE div = x / y.
COMPUTE zero_div_missing = 0 / y + 0 * y.
COMPUTE pow = y ** 2.
COMPUTE neg_pow = -x ** 2.
COMPUTE pow_chain = x ** 2 ** 2.
COMPUTE neg_base_frac = (x - 3) ** 0.5.
COMPUTE mean = mean(q1 to q5).
COMPUTE mean3 = mean.3(q1 to q5).
COMPUTE sum = sum(q1 to q5).
COMPUTE sd = sd(q1 to q5).
COMPUTE min = min(q1 to q5).
COMPUTE max = max(q1, q3, y).
COMPUTE nvalid = nvalid(q1 to q5).
COMPUTE nmiss = nmiss(q1 to q5).
COMPUTE missing_x = missing(x).
COMPUTE sysmis_x = sysmis(x).
COMPUTE value_x = value(x).
COMPUTE missing_expr = missing(x + 1).
COMPUTE l_and = x > 2 and y < 50.
COMPUTE l_or = x > 2 or y < 50.
COMPUTE l_not = not (x = 3).
COMPUTE ne_tilde = x ~= 3.
COMPUTE ne_word = x ne 3 & y ge 20.
COMPUTE any = any(x, 1, 3).
COMPUTE in_list = any(x, 1, 3).
COMPUTE range = range(y, 10, 20, 40, 60).
COMPUTE round = rnd(y / 7).
COMPUTE round_neg = rnd(-y / 8).
COMPUTE trunc = trunc(-y / 7).
COMPUTE ln = ln(x - 2).
COMPUTE lg10 = lg10(y).
COMPUTE sqrt = sqrt(x - 3).
COMPUTE abs = abs(x - 3).
COMPUTE exp = exp(x / 10).
COMPUTE mod = mod(-y, 7).
COMPUTE mod_zero = mod(0, x).
COMPUTE str_eq = s = 'ja'.
COMPUTE str_lt = s < 'm'.
COMPUTE str_any = any(s, 'nee', 'ja').
COMPUTE mixed = (x + mean(q1 to q3)) / 2 - sd(q4, q5) * 3 >= 2.
FORMATS add mul_zero_missing div zero_div_missing pow neg_pow pow_chain neg_base_frac mean mean3 sum sd min max nvalid nmiss missing_x sysmis_x value_x missing_expr l_and l_or l_not ne_tilde ne_word any in_list range round round_neg trunc ln lg10 sqrt abs exp mod mod_zero str_eq str_lt str_any mixed (F32.12).
SAVE TRANSLATE /OUTFILE="expected.csv" /TYPE=CSV /FIELDNAMES /REPLACE /KEEP=id add mul_zero_missing div zero_div_missing pow neg_pow pow_chain neg_base_frac mean mean3 sum sd min max nvalid nmiss missing_x sysmis_x value_x missing_expr l_and l_or l_not ne_tilde ne_word any in_list range round round_neg trunc ln lg10 sqrt abs exp mod mod_zero str_eq str_lt str_any mixed.
