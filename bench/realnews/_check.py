import json,glob,re,sys
for f in sorted(glob.glob('_stage/*.json')):
    try:
        d=json.load(open(f,encoding='utf-8'))
    except Exception as e:
        print(f,'ERROR',e); continue
    ex=d['excerpt']
    wc=len(re.findall(r"[A-Za-z]+",ex))
    lines=ex.split('\n')
    print(f, wc, d['outlet'][:30], d['date'], d['region'], d['hw'], d['q'])
