"""Events on our own held-out reports: bench/fresh, bench/fresh2 ... bench/fresh161.

The dev set (../shared/eval/events-dev) is where failure classes are found; these sets,
written and coded by hand (each set's gold.json) by people who never ran geomap on them,
show whether the rules carry over to text they have not seen. Each set was scored once,
unseen, before any rule was changed for it (the first scores are in the comments below);
after that its failure classes were fixed with general rules, so its current figures are
no longer unseen ones. Scored with the same scorer as the dev set, beside the dev set's
own figures in the same run.

    python bench/bench_fresh.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _tens(first: int, end: int) -> dict[str, tuple[Path, Path]]:
    """Sets fresh{first} to fresh{end - 1}, of ten reports each."""
    return {
        f"fresh{n} (10 own reports)": (
            ROOT / "bench" / f"fresh{n}" / "texts",
            ROOT / "bench" / f"fresh{n}" / "gold.json",
        )
        for n in range(first, end)
    }


SETS = {
    "fresh (6 own reports)": (
        ROOT / "bench" / "fresh" / "texts",
        ROOT / "bench" / "fresh" / "gold.json",
    ),
    "fresh2 (6 own reports)": (
        ROOT / "bench" / "fresh2" / "texts",
        ROOT / "bench" / "fresh2" / "gold.json",
    ),
    # Written and coded by hand in the session that then fixed its failure classes.
    "fresh3 (10 own reports)": (
        ROOT / "bench" / "fresh3" / "texts",
        ROOT / "bench" / "fresh3" / "gold.json",
    ),
    # Written and coded by hand by a helper that never ran geomap on them. First scored at
    # 3d1170a, unseen: P 0.704, R 0.890, 14 non-event FPs, killed recall 0.188. Its failure
    # classes were then fixed, so it is no longer unseen.
    "fresh4 (10 own reports)": (
        ROOT / "bench" / "fresh4" / "texts",
        ROOT / "bench" / "fresh4" / "gold.json",
    ),
    # Written and coded by hand by a helper that never ran geomap on them. First scored at
    # f4f1824, unseen: P 0.800, R 0.885, 7 non-event FPs, crowd recall 0.619 (records: P
    # 0.883, R 0.824, count ratio 0.92).
    "fresh5 (12 own reports)": (
        ROOT / "bench" / "fresh5" / "texts",
        ROOT / "bench" / "fresh5" / "gold.json",
    ),
    # Written and coded by hand by a helper that never ran geomap on them. First scored at
    # 2f4551b, unseen: P 0.748, R 0.867, 18 non-event FPs, crowd recall 0.659 (records: P
    # 0.839, R 0.884, count ratio 0.99).
    "fresh6 (12 own reports)": (
        ROOT / "bench" / "fresh6" / "texts",
        ROOT / "bench" / "fresh6" / "gold.json",
    ),
    # Written and coded by hand by a helper that never ran geomap on them. Scored once at
    # 56331fa, unseen: P 0.767, R 0.788, 13 non-event FPs, crowd recall 0.444 (records: P
    # 0.780, R 0.766, count ratio 0.87).
    "fresh7 (12 own reports)": (
        ROOT / "bench" / "fresh7" / "texts",
        ROOT / "bench" / "fresh7" / "gold.json",
    ),
    # Written and coded by hand by helpers that never ran geomap on them (ten reports each,
    # mostly in the encyclopaedia style of the dev set). Scored once, unseen, at 2d487a4:
    # fresh8 P 0.693, R 0.878, 17 non-event FPs, crowd recall 0.765; fresh9 P 0.652,
    # R 0.872, 15 non-event FPs, crowd recall 0.487. Their failure classes were then fixed.
    "fresh8 (10 own reports)": (
        ROOT / "bench" / "fresh8" / "texts",
        ROOT / "bench" / "fresh8" / "gold.json",
    ),
    "fresh9 (10 own reports)": (
        ROOT / "bench" / "fresh9" / "texts",
        ROOT / "bench" / "fresh9" / "gold.json",
    ),
    # Written and coded by hand by helpers that never ran geomap on them. Scored once,
    # unseen, at a01b768: fresh10 P 0.765, R 0.848, 13 non-event FPs, crowd recall 0.519;
    # fresh11 P 0.802, R 0.802, 6 non-event FPs, crowd recall 0.609 (2d487a4, the
    # session's start, on the same sets: 0.720/0.837 and 0.781/0.781).
    "fresh10 (10 own reports)": (
        ROOT / "bench" / "fresh10" / "texts",
        ROOT / "bench" / "fresh10" / "gold.json",
    ),
    "fresh11 (10 own reports)": (
        ROOT / "bench" / "fresh11" / "texts",
        ROOT / "bench" / "fresh11" / "gold.json",
    ),
    # Written and coded by hand by helpers that never ran geomap on them (fresh13's brief
    # asked for the trap classes: countries as adjectives, planned protests, natural
    # deaths, several claimants). Scored once, unseen, with the code of 3492f68: fresh12
    # P 0.649, R 0.750, 8 non-event FPs, crowd recall 0.760; fresh13 P 0.753, R 0.753,
    # 9 non-event FPs, crowd recall 0.765 (2d487a4 on the same sets: 0.577/0.714 and
    # 0.639/0.697).
    "fresh12 (10 own reports)": (
        ROOT / "bench" / "fresh12" / "texts",
        ROOT / "bench" / "fresh12" / "gold.json",
    ),
    "fresh13 (10 own reports)": (
        ROOT / "bench" / "fresh13" / "texts",
        ROOT / "bench" / "fresh13" / "gold.json",
    ),
    # Written and coded by hand by helpers that never ran geomap on them, asked for an
    # ordinary mix of places and no planted traps. Scored once, unseen: fresh14 at 39d06a3,
    # P 0.734, R 0.793, 11 non-event FPs, crowd recall 0.455; fresh15 at 39d06a3 with
    # b9decb5's country-focus change only, P 0.682, R 0.849, 21 non-event FPs, crowd
    # recall 0.579
    # (2d487a4 on the same sets: 0.593/0.770 and 0.652/0.811).
    "fresh14 (10 own reports)": (
        ROOT / "bench" / "fresh14" / "texts",
        ROOT / "bench" / "fresh14" / "gold.json",
    ),
    "fresh15 (10 own reports)": (
        ROOT / "bench" / "fresh15" / "texts",
        ROOT / "bench" / "fresh15" / "gold.json",
    ),
    # Written and coded by hand by helpers that never ran geomap on them, asked for an
    # ordinary mix and no planted traps. Scored once, unseen, at b94f22c (the session's
    # last rules but one batch): fresh16 P 0.735, R 0.813, 22 non-event FPs, crowd recall
    # 0.684; fresh17 P 0.736, R 0.800, 7 non-event FPs, crowd recall 0.650 (2d487a4 on
    # the same sets: 0.604/0.773 and 0.606/0.750).
    "fresh16 (10 own reports)": (
        ROOT / "bench" / "fresh16" / "texts",
        ROOT / "bench" / "fresh16" / "gold.json",
    ),
    "fresh17 (10 own reports)": (
        ROOT / "bench" / "fresh17" / "texts",
        ROOT / "bench" / "fresh17" / "gold.json",
    ),
    # Written and coded by hand by helpers that never ran geomap on them (fresh18: the
    # Caribbean, Pacific, Gulf, Caucasus, Balkans and West Africa; fresh19: under-covered
    # places and decades; fresh20: countries and territories with no report yet; fresh21:
    # uncovered episodes, big cities and small towns). Scored once, unseen, at 951e0d5 (the
    # session's starting code): fresh18 P 0.747, R 0.843; fresh19 P 0.767, R 0.868;
    # fresh20 P 0.597, R 0.676; fresh21 P 0.763, R 0.816. The same session's first rules,
    # written before any of the four was read, gave 0.756/0.843, 0.806/0.868, 0.605/0.676
    # and 0.772/0.816 on them, unseen too.
    "fresh18 (10 own reports)": (
        ROOT / "bench" / "fresh18" / "texts",
        ROOT / "bench" / "fresh18" / "gold.json",
    ),
    "fresh19 (10 own reports)": (
        ROOT / "bench" / "fresh19" / "texts",
        ROOT / "bench" / "fresh19" / "gold.json",
    ),
    "fresh20 (10 own reports)": (
        ROOT / "bench" / "fresh20" / "texts",
        ROOT / "bench" / "fresh20" / "gold.json",
    ),
    "fresh21 (10 own reports)": (
        ROOT / "bench" / "fresh21" / "texts",
        ROOT / "bench" / "fresh21" / "gold.json",
    ),
    # Written and coded by hand by helpers that never ran geomap on them, and each scored
    # once, unseen, on the code of the moment before any rule was changed for it (and on
    # 951e0d5, the session's starting code, in the same run):
    #   fresh22 (small states, shared names) at 30b3bfc: P 0.852, R 0.896 (951e0d5 the same)
    #   fresh23 (an ordinary mix, 1950s-2020s) at 30b3bfc: P 0.744, R 0.744 (the same)
    #   fresh24 (the dev set's mix) at a26e7a0: P 0.733, R 0.692 (951e0d5: 0.728, 0.701)
    #   fresh25 (towns with their own figures, bureaus abroad) at a26e7a0: P 0.730,
    #     R 0.802 (951e0d5: 0.688, 0.793)
    #   fresh26 (the dev set's mix) at ed48422: P 0.792, R 0.809 (951e0d5: 0.770, 0.819)
    #   fresh27 (an ordinary mix) at ed48422: P 0.767, R 0.832 (951e0d5: 0.754, 0.832)
    #   fresh28 (the dev set's mix) at 1664183: P 0.760, R 0.872 (951e0d5: 0.718, 0.862)
    #   fresh29 (every continent, 1960s-2020s) at 1664183: P 0.893, R 0.833 (951e0d5:
    #     0.854, 0.844)
    **_tens(22, 30),
    # Written and coded by hand by helpers that never ran geomap on them, each scored
    # unseen on dadd2e6 (the session's starting code, before any rule of the session) and
    # on the code of the moment before any rule was changed for it:
    #   fresh30 (Africa, the Middle East) dadd2e6: P 0.802, R 0.885
    #   fresh31 (Latin America, the Caribbean, Europe) dadd2e6: P 0.866, R 0.826
    #   fresh32 (Asia, Oceania) dadd2e6: P 0.693, R 0.807
    #   fresh33 (wire reports) dadd2e6: P 0.653, R 0.901; 15a9ac4: 0.660, 0.901
    #   fresh34 (encyclopaedia, North America and Europe) dadd2e6: P 0.821, R 0.780;
    #     15a9ac4: 0.820, 0.774
    #   fresh35 (Africa, South Asia, Latin America; local papers) dadd2e6: P 0.828,
    #     R 0.809; 15a9ac4: the same
    #   fresh36 (Asia, the Pacific, the Gulf) dadd2e6: P 0.734, R 0.644
    #   fresh37 (1950-2000, Latin America, Africa, Southern Europe) dadd2e6: P 0.884,
    #     R 0.835
    #   fresh38 (Europe, North America, Central Asia; 2015-2025) dadd2e6: P 0.824, R 0.772
    #   fresh39 (Africa, 2010-2025) dadd2e6: P 0.868, R 0.888; 9f5e15b: 0.879, 0.899
    #   fresh40 (South Asia, the Middle East, Turkey and Iran) dadd2e6: P 0.748, R 0.793;
    #     9f5e15b: the same
    #   fresh41 (the Americas; local papers) dadd2e6: P 0.609, R 0.671; 9f5e15b: 0.596,
    #     0.671
    #   fresh42 (each report another country) dadd2e6: P 0.888, R 0.929; a0d8859: 0.908,
    #     0.929
    #   fresh43 (Europe and the former Soviet Union) dadd2e6: P 0.685, R 0.859; 0af8285:
    #     0.670, 0.859
    #   fresh44 (Asia and Oceania) dadd2e6: P 0.569, R 0.631; 0af8285: 0.581, 0.662
    **_tens(30, 45),
    # The session's last round, asked for no planted traps and no regional emphasis, each
    # scored unseen on a0d8859 (every rule of the session but the last batch) before any
    # rule was changed for it, and on dadd2e6:
    #   fresh45 a0d8859: P 0.854, R 0.880 (dadd2e6 the same)
    #   fresh46 a0d8859: P 0.951, R 0.940 (dadd2e6: 0.951, 0.928)
    #   fresh47 a0d8859: P 0.800, R 0.766 (dadd2e6: 0.755, 0.755)
    **_tens(45, 48),
    # The final round, asked for ordinary reports with no planted traps, scored unseen on
    # 249bf79 and on dadd2e6 before any rule was changed for them (8c3ba04 then fixed their
    # classes):
    #   fresh48 249bf79: P 0.931, R 0.905 (dadd2e6: 0.893, 0.905)
    #   fresh49 249bf79: P 0.829, R 0.797 (dadd2e6: 0.789, 0.759)
    #   fresh50 249bf79: P 0.915, R 0.882 (dadd2e6: 0.926, 0.882)
    **_tens(48, 51),
    # Scored once, unseen, on the session's final code (8c3ba04's rules, at 2137676) and on
    # dadd2e6; no rule was changed for them:
    #   fresh51 (ordinary reports) final: P 0.885, R 0.767 (dadd2e6 the same)
    #   fresh52 (ordinary reports) final: P 0.897, R 0.978 (dadd2e6: 0.887, 0.966)
    #   fresh53 (ten countries, every continent) final: P 0.851, R 0.842 (dadd2e6 the same)
    **_tens(51, 54),
    # The next session's training round (ordinary reports), scored unseen on 58cbeeb and
    # on 74657ba, the session's starting code, before 9bd177d fixed their classes:
    #   fresh54 (South America, southern Africa, eastern Europe): P 0.759, R 0.742
    #   fresh55 (South Asia, the Middle East, North Africa): P 0.756, R 0.756
    #   fresh56 (western Europe, North America, Oceania, Africa): P 0.576, R 0.754
    #   (74657ba: the same on all three)
    **_tens(54, 57),
    # Scored once, unseen, on the session's final rules (9bd177d) and on 74657ba; no rule
    # was changed for them:
    #   fresh57 (the Americas, the Caucasus, Central Asia): P 0.784, R 0.744 (74657ba:
    #   0.781, 0.731)
    #   fresh58 (East, South-East and South Asia): P 0.549, R 0.667 (74657ba the same)
    #   fresh59 (Europe, the Middle East, Africa): P 0.587, R 0.587 (74657ba: 0.582, 0.576)
    **_tens(57, 60),
    # The next session's training round (ordinary reports), scored unseen on edc133d, the
    # session's starting code, and on 13607dc (postal localities), before any rule was
    # written for them; both gave the same figures:
    #   fresh60 (South and South-East Asia): P 0.745, R 0.787
    #   fresh61 (Africa, the Middle East): P 0.815, R 0.949
    #   fresh62 (Europe, Latin America): P 0.861, R 0.895
    **_tens(60, 63),
    # Scored once, unseen, on the session's final rules (e1a9ace) and on edc133d; no rule
    # was changed for them:
    #   fresh63 (the Americas, Oceania): P 0.774, R 0.915 (edc133d: 0.783, 0.915)
    #   fresh64 (Europe, the Caucasus, Central Asia): P 0.851, R 0.770 (edc133d the same)
    #   fresh65 (Africa, the Middle East, South Asia): P 0.859, R 0.848 (edc133d the same)
    **_tens(63, 66),
    # The next session's training round, scored unseen on 266d824 (the session's starting
    # code) before any rule was written for them:
    #   fresh66 (Latin America, the Caribbean): P 0.733, R 0.808, crowd recall 0.571
    #   fresh67 (Sub-Saharan Africa): P 0.781, R 0.769, crowd recall 0.471
    #   fresh68 (Europe, the former Soviet Union): P 0.859, R 0.869, crowd recall 0.688
    **_tens(66, 69),
    # Written beside the training round and scored once, unseen, on the session's final
    # rules (698ec2b) and on 266d824; the one change made after seeing them (a toll's
    # "estimates ranged up to 500" read as a crowd, fixed in the next commit) is noted:
    #   fresh69 (the Middle East, North Africa, South Asia): P 0.750, R 0.795, crowd 0.688
    #   (266d824: 0.765, 0.783, 0.625)
    #   fresh70 (East and South-East Asia, Oceania): P 0.767, R 0.846, crowd 0.727
    #   (266d824: 0.762, 0.821, 0.591)
    #   fresh71 (North America and a world mix): P 0.734, R 0.744, crowd 0.636 (266d824:
    #   0.753, 0.744, 0.636); 0.744, 0.744 after the toll fix
    **_tens(69, 72),
    # Written at the start of the next session and scored unseen on ce6e7f0, its starting
    # code. Its rules came from the older sets; these sets' failures were not read, and
    # they were scored again only on the final rules (figures in the README):
    #   fresh72 (Sub-Saharan Africa, Latin America): P 0.947, R 0.724, crowd 0.724
    #   fresh73 (Europe, Central Asia, the Middle East, South Asia): P 0.622, R 0.727,
    #   crowd 0.636
    #   fresh74 (East Asia, Oceania, North America, the British Isles): P 0.662, R 0.653,
    #   crowd 0.538
    **_tens(72, 75),
    # Written in the same session, an hour later, and scored unseen on ce6e7f0; likewise
    # never read, and scored again only on the final rules:
    #   fresh75 (South and South-East Asia): P 0.671, R 0.713, crowd 0.630
    #   fresh76 (the Middle East, North Africa, Europe): P 0.880, R 0.835, crowd 0.731
    #   fresh77 (Latin America, Sub-Saharan Africa, North America): P 0.727, R 0.771,
    #   crowd 0.682
    **_tens(75, 78),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after 0f0299b; scored once, unseen, on 0f0299b, and never read (that
    # session's rules came from fresh3-77 and the dev set; on its final rules, 26ab5c6, the
    # same sets gave P 0.779, 0.800, 0.845, 0.714, 0.754, 0.738; means P 0.772, R 0.768,
    # crowd recall 0.650, killed recall 0.584, against 0.767, 0.748, 0.603 and 0.508):
    #   fresh78 (West, Central and East Africa, the Caribbean): P 0.800, R 0.822, crowd 0.636
    #   fresh79 (Latin America): P 0.772, R 0.744, crowd 0.714
    #   fresh80 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.838, R 0.864,
    #   crowd 0.731
    #   fresh81 (South and South-East Asia): P 0.706, R 0.696, crowd 0.471
    #   fresh82 (the Middle East, North Africa, Turkey): P 0.754, R 0.722, crowd 0.625
    #   fresh83 (Western Europe, North America, East Asia, Oceania): P 0.733, R 0.638,
    #   crowd 0.440
    **_tens(78, 84),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after 87a59f3; scored once, unseen, on 87a59f3, and never read (that
    # session's rules came from fresh3-83, fresh78-83 being read for the first time, and
    # the dev set; on its final rules the same sets gave P 0.757, 0.800, 0.840, 0.742,
    # 0.756, 0.725; means P 0.770, R 0.739, crowd recall 0.620, killed recall 0.577,
    # against 0.771, 0.735, 0.620 and 0.577, while fresh3-83 moved from P 0.869 to 0.880
    # and R 0.855 to 0.873):
    #   fresh84 (West, Central and East Africa, the Caribbean): P 0.768, R 0.746, crowd 0.846
    #   fresh85 (Latin America): P 0.797, R 0.756, crowd 0.677
    #   fresh86 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.840, R 0.797,
    #   crowd 0.694
    #   fresh87 (South and South-East Asia): P 0.742, R 0.688, crowd 0.593
    #   fresh88 (the Middle East, North Africa, Turkey): P 0.753, R 0.761, crowd 0.478
    #   fresh89 (Western Europe, North America, East Asia, Oceania): P 0.725, R 0.661,
    #   crowd 0.429
    **_tens(84, 90),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after cd47c3e; scored once, unseen, on cd47c3e (means P 0.736, R 0.746,
    # crowd recall 0.627). Not read; the report filter was tested on them (trained on the
    # sets before, bench/bench_learned_filter.py --test-from 90):
    #   fresh90 (West, Central and East Africa, the Caribbean): P 0.637, R 0.750, crowd 0.550
    #   fresh91 (Latin America): P 0.857, R 0.759, crowd 0.773
    #   fresh92 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.730, R 0.761,
    #   crowd 0.567
    #   fresh93 (South and South-East Asia): P 0.768, R 0.757, crowd 0.625
    #   fresh94 (the Middle East, North Africa, Turkey): P 0.693, R 0.767, crowd 0.579
    #   fresh95 (Western Europe, North America, East Asia, Oceania): P 0.729, R 0.680,
    #   crowd 0.667
    **_tens(90, 96),
    # Written and coded by hand by six helpers that never ran geomap on them, in the same
    # session, after its first rules; scored once, unseen, on cd47c3e and on 460c2bd (the
    # same figures: that session's rules did not touch them; means P 0.799, R 0.822, crowd
    # recall 0.692). Not read; the report filter, trained on the sets before, kept every
    # true report and lifted P to 0.808 (bench/bench_learned_filter.py --test-from 96):
    #   fresh96 (West, Central and East Africa, the Caribbean): P 0.788, R 0.839, crowd 0.733
    #   fresh97 (Latin America): P 0.857, R 0.750, crowd 0.759
    #   fresh98 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.810, R 0.914,
    #   crowd 0.800
    #   fresh99 (South and South-East Asia): P 0.857, R 0.857, crowd 0.739
    #   fresh100 (the Middle East, North Africa, Turkey): P 0.740, R 0.798, crowd 0.500
    #   fresh101 (Western Europe, North America, East Asia, Oceania): P 0.743, R 0.775,
    #   crowd 0.618
    **_tens(96, 102),
    # Written and coded by hand by six helpers that never ran geomap on them, late in the
    # same session; scored once, unseen, on cd47c3e and on the session's last rules (the
    # same figures again: means P 0.732, R 0.805, crowd recall 0.665). Not read; the report
    # filter trained on the sets before lifted P to 0.750 for R 0.798:
    #   fresh102 (West, Central and East Africa, the Caribbean): P 0.763, R 0.866, crowd 0.750
    #   fresh103 (Latin America): P 0.795, R 0.873, crowd 0.739
    #   fresh104 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.718, R 0.761,
    #   crowd 0.615
    #   fresh105 (South and South-East Asia): P 0.780, R 0.853, crowd 0.760
    #   fresh106 (the Middle East, North Africa, Turkey): P 0.734, R 0.842, crowd 0.645
    #   fresh107 (Western Europe, North America, East Asia, Oceania): P 0.600, R 0.632,
    #   crowd 0.478
    **_tens(102, 108),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the next session; scored once, unseen, on 1572587 (means P 0.783, R 0.834, crowd
    # recall 0.758). With the committed report filter (trained on the sets before, through
    # fresh107) P 0.803, R 0.832:
    #   fresh108 (West, Central and East Africa, the Caribbean): P 0.750, R 0.814, crowd 0.600
    #   fresh109 (Latin America): P 0.882, R 0.848, crowd 0.742
    #   fresh110 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.845, R 0.896,
    #   crowd 0.938
    #   fresh111 (South and South-East Asia): P 0.750, R 0.781, crowd 0.621
    #   fresh112 (the Middle East, North Africa, Turkey): P 0.769, R 0.879, crowd 0.875
    #   fresh113 (Western Europe, North America, East Asia, Oceania): P 0.699, R 0.785,
    #   crowd 0.774
    **_tens(108, 114),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at e1f7fba, unseen, before any rule of that
    # session was read off them: means P 0.796, R 0.841, crowd 0.712, killed 0.604
    # (--filter-reports trained on the sets below: P 0.812, R 0.827)
    #   fresh114 (Sub-Saharan Africa, the Caribbean): P 0.885, R 0.873, crowd 0.700
    #   fresh115 (Latin America): P 0.710, R 0.815, crowd 0.742
    #   fresh116 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.747, R 0.878,
    #   crowd 0.750
    #   fresh117 (South and South-East Asia): P 0.807, R 0.855, crowd 0.828
    #   fresh118 (the Middle East, North Africa, Turkey): P 0.802, R 0.867, crowd 0.594
    #   fresh119 (Western Europe, North America, East Asia, Oceania): P 0.826, R 0.760,
    #   crowd 0.657
    **_tens(114, 120),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at 871a3d8, unseen, before any rule of that
    # session was read off them: means P 0.808, R 0.810, crowd 0.756, killed 0.583
    # (--filter-reports trained on the sets below: P 0.837, R 0.807)
    #   fresh120 (Sub-Saharan Africa, the Caribbean): P 0.796, R 0.788, crowd 0.643
    #   fresh121 (Latin America): P 0.773, R 0.821, crowd 0.657
    #   fresh122 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.890, R 0.777,
    #   crowd 0.758
    #   fresh123 (South and South-East Asia): P 0.686, R 0.809, crowd 0.793
    #   fresh124 (the Middle East, North Africa, Turkey): P 0.851, R 0.804, crowd 0.853
    #   fresh125 (Western Europe, North America, East Asia, Oceania): P 0.851, R 0.860,
    #   crowd 0.833
    **_tens(120, 126),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at b8842db, unseen, before any rule of that
    # session: means P 0.824, R 0.784, crowd 0.657, killed 0.652 (--filter-reports trained
    # on the sets below: P 0.845, R 0.774). With that session's final rules, whose failures
    # on these sets were never read: P 0.822, R 0.799, crowd 0.733, killed 0.652 (filter:
    # P 0.842, R 0.787); the gain is the scene rule counts_the_gathering's.
    #   fresh126 (Sub-Saharan Africa, the Caribbean): P 0.878, R 0.818, crowd 0.792
    #   fresh127 (Latin America): P 0.857, R 0.796, crowd 0.632
    #   fresh128 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.785, R 0.830,
    #   crowd 0.649
    #   fresh129 (South and South-East Asia): P 0.816, R 0.785, crowd 0.694
    #   fresh130 (the Middle East, North Africa, Turkey): P 0.860, R 0.734, crowd 0.674
    #   fresh131 (Western Europe, North America, East Asia, Oceania): P 0.750, R 0.741,
    #   crowd 0.500
    **_tens(126, 132),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at fd9a7f7, unseen, before any rule of that
    # session: means P 0.778, R 0.804, crowd 0.683, killed 0.633 (--filter-reports trained
    # on the sets below: P 0.803, R 0.793). With that session's final rules (e4440e5), whose
    # failures on these sets were never read: P 0.785, R 0.804, crowd 0.683, killed 0.633
    # (filter: P 0.810, R 0.796); fresh133 0.798 -> 0.830 and fresh135 0.798 -> 0.807 in P.
    #   fresh132 (Sub-Saharan Africa, the Caribbean): P 0.780, R 0.857, crowd 0.560
    #   fresh133 (Latin America): P 0.798, R 0.822, crowd 0.706
    #   fresh134 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.812, R 0.774,
    #   crowd 0.649
    #   fresh135 (South and South-East Asia): P 0.798, R 0.807, crowd 0.885
    #   fresh136 (the Middle East, North Africa, Turkey): P 0.791, R 0.806, crowd 0.730
    #   fresh137 (Western Europe, North America, East Asia, Oceania): P 0.691, R 0.757,
    #   crowd 0.567
    **_tens(132, 138),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at 56782f8, unseen, before any rule of that
    # session: means P 0.760, R 0.783, crowd 0.705, killed 0.528 (--filter-reports trained
    # on the sets below: P 0.797, R 0.766). That session then read the round's failures, so
    # its final figures here are not unseen: P 0.810, R 0.834, crowd 0.754, killed 0.641
    # (filter trained below 138, at 4ad18ae: P 0.807 -> 0.841, R 0.834 -> 0.821).
    #   fresh138 (Sub-Saharan Africa, the Caribbean): P 0.706, R 0.655, crowd 0.611
    #   fresh139 (Latin America): P 0.727, R 0.810, crowd 0.600
    #   fresh140 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.753, R 0.753,
    #   crowd 0.767
    #   fresh141 (South and South-East Asia): P 0.899, R 0.845, crowd 0.756
    #   fresh142 (the Middle East, North Africa, Turkey): P 0.817, R 0.876, crowd 0.840
    #   fresh143 (Western Europe, North America, East Asia, Oceania): P 0.655, R 0.760,
    #   crowd 0.654
    **_tens(138, 144),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at 1079051, unseen, before any rule of that
    # session: means P 0.805, R 0.863, crowd 0.782, killed 0.711 (--filter-reports trained
    # on the sets below: P 0.827, R 0.850); the same on 30ee053, written from older sets.
    # That session then read the round's failures, so its final figures here are not
    # unseen: P 0.867, R 0.906, crowd 0.869, killed 0.730 at d1487b8 (filter trained below
    # 144, at b330909: P 0.863 -> 0.873, R 0.906 -> 0.893).
    #   fresh144 (Sub-Saharan Africa, the Caribbean): P 0.809, R 0.905, crowd 0.920
    #   fresh145 (Latin America): P 0.854, R 0.863, crowd 0.875
    #   fresh146 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.833, R 0.889,
    #   crowd 0.745
    #   fresh147 (South and South-East Asia): P 0.706, R 0.800, crowd 0.594
    #   fresh148 (the Middle East, North Africa, Turkey): P 0.849, R 0.878, crowd 0.750
    #   fresh149 (Western Europe, North America, East Asia, Oceania): P 0.780, R 0.845,
    #   crowd 0.809
    **_tens(144, 150),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at 2eb6675, unseen, before any rule of that
    # session: means P 0.804, R 0.821, crowd 0.721, killed 0.640 (--filter-reports trained
    # on the sets below: P 0.824, R 0.810). That session then read the round's failures,
    # so its final figures here are not unseen: P 0.853, R 0.855, crowd 0.788, killed
    # 0.655 at its first commit of rules. Unseen, set by set:
    #   fresh150 (Sub-Saharan Africa, the Caribbean): P 0.833, R 0.833, crowd 0.947
    #   fresh151 (Latin America): P 0.939, R 0.814, crowd 0.862
    #   fresh152 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.734, R 0.892,
    #   crowd 0.656
    #   fresh153 (South and South-East Asia): P 0.797, R 0.872, crowd 0.720
    #   fresh154 (the Middle East, North Africa, Turkey): P 0.810, R 0.871, crowd 0.692
    #   fresh155 (Western Europe, North America, East Asia, Oceania): P 0.710, R 0.645,
    #   crowd 0.447
    **_tens(150, 156),
    # Written and coded by hand by six helpers that never ran geomap on them, at the start
    # of the session after. First scored at 88b6b91, unseen, before any rule of that
    # session: means P 0.778, R 0.829, crowd 0.754, killed 0.629 (--filter-reports trained
    # on the sets below: P 0.815, R 0.823); the same at d21e73f, whose rules were written
    # from older sets before the round came in. That session then read the round's
    # failures, so its later figures here are not unseen: P 0.835, R 0.861, crowd 0.777,
    # killed 0.629 at d8e6115 (filter trained below 156: P 0.835 -> 0.864, R 0.861 ->
    # 0.851). Unseen, set by set:
    #   fresh156 (Sub-Saharan Africa, the Caribbean): P 0.724, R 0.787, crowd 0.615
    #   fresh157 (Latin America): P 0.736, R 0.762, crowd 0.786
    #   fresh158 (Eastern Europe, the Balkans, the Caucasus, Central Asia): P 0.859, R 0.918,
    #   crowd 0.970
    #   fresh159 (South and South-East Asia): P 0.840, R 0.791, crowd 0.636
    #   fresh160 (the Middle East, North Africa, Turkey): P 0.802, R 0.904, crowd 0.793
    #   fresh161 (Western Europe, North America, East Asia, Oceania): P 0.704, R 0.814,
    #   crowd 0.724
    **_tens(156, 162),
    "events-dev (30)": (
        ROOT.parent / "shared" / "eval" / "events-dev" / "texts",
        ROOT.parent / "shared" / "eval" / "events-dev" / "gold.json",
    ),
}
FIGURES = ("precision", "recall", "f1", "crowd_recall", "killed_recall", "nonevent_fp")


def _score(texts: Path, gold: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        events = Path(folder) / "events.geojson"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "geomap.cli",
                "extract",
                str(texts),
                "--level",
                "reports",
                "-o",
                str(events),
            ],
            check=True,
            capture_output=True,
        )
        result = subprocess.run(
            [sys.executable, str(SCORER), str(gold), str(events), "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(result.stdout)


def main() -> None:
    print(f"{'':24}" + "".join(f"{name:>15}" for name in FIGURES))
    for name, (texts, gold) in SETS.items():
        score = _score(texts, gold)
        print(f"{name:24}" + "".join(f"{score[f]!s:>15}" for f in FIGURES))
        for key in ("missed", "extra", "missed_crowds"):
            if score.get(key):
                print(f"  {key}: {score[key]}")


if __name__ == "__main__":
    main()
