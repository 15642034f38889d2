import json, os, re, sys, unicodedata
D = "/work/main/bench/heldout_b"
g = json.load(open(D + "/gold.json", encoding="utf-8"))
def spans(text):
    """find quoted spans; returns list of (start, text) joining multi-paragraph quotes"""
    out = []
    paras = text.split("\n")
    off = 0
    cont = None  # (start, parts, closechar)
    for p in paras:
        i = 0
        if p == "":
            off += 1
            continue
        if cont and p[:1] in '"“‘«':
            i = 1
        elif cont:
            # paragraph boundary but no continuation -> unterminated
            out.append((cont[0], " ".join(cont[1]) + " <UNTERMINATED>")); cont = None
        while i < len(p):
            c = p[i]
            if cont is None:
                opener = None
                if c == '"': opener, closer = c, '"'
                elif c == "“": opener, closer = c, "”"
                elif c == "«": opener, closer = c, "»"
                elif c == "‘" and (i == 0 or not p[i-1].isalnum()): opener, closer = c, "’"
                elif c == "'" and (i == 0 or p[i-1] in " (") and name.startswith("06"): opener, closer = c, "'"
                if opener:
                    cont = [off + i + 1, [], closer, i + 1]
                i += 1
                continue
            else:
                s = cont[3] if cont[3] is not None else 0
                # find closer
                j = i
                found = None
                while j < len(p):
                    if p[j] == cont[2]:
                        if cont[2] == "’" and j + 1 < len(p) and p[j+1].isalpha():
                            j += 1; continue
                        if cont[2] == "’" and j > 0 and p[j-1] == "s" and j+1 < len(p) and p[j+1] == " " and "s’ " in p[j-1:j+2] and False:
                            pass
                        found = j; break
                    j += 1
                if found is None:
                    start_in_para = cont[3] if cont[3] is not None else i
                    cont[1].append(p[start_in_para:])
                    cont[3] = None
                    break
                start_in_para = cont[3] if cont[3] is not None else i
                cont[1].append(p[start_in_para:found])
                out.append((cont[0], " ".join(cont[1])))
                cont = None
                i = found + 1
        if cont is not None and cont[3] is not None and cont[3] <= len(p):
            pass
        if cont is not None:
            cont[3] = 1  # next para starts after repeated mark
            if cont[3] is None: pass
        off += len(p) + 1
    return out
bad = 0
for name in sorted(os.listdir(D + "/articles")):
    text = open(D + "/articles/" + name, encoding="utf-8").read()
    gl = g["articles"].get(name, [])
    ig = [x["quote"] for x in g["ignore"].get(name, [])]
    for q in gl:
        first = q["quote"][:30]
        assert text[q["start"]:q["start"]+len(first)] == first, (name, q)
    found = spans(text)
    gq = {q["quote"] for q in gl}
    for st, s in found:
        if s in gq or s in ig:
            continue
        print("NOT ANNOTATED", name, st, repr(s)); bad += 1
    fs = {s for _, s in found}
    for q in gl:
        if q["quote"] not in fs:
            print("GOLD NOT FOUND BY SCAN", name, repr(q["quote"][:60])); bad += 1
    for q in ig:
        if q not in fs:
            print("IGNORE NOT FOUND BY SCAN", name, repr(q)); bad += 1
    # words
    body = "\n".join(l for l in text.split("\n"))
    print(name, len(text.split()), "words;", len(gl), "quotes")
print("bad", bad)
