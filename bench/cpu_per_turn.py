"""CPU seconds spent by each group of processes (service, mock, driver, postgres, rabbit, other).
snap FILE: write the totals now; diff FILE TURNS: print the milliseconds per turn since the snapshot."""
import os,sys,json
# prints cumulative cpu seconds per group: service, mock, driver, postgres, rabbit, other
def groups():
    g={}
    hz=os.sysconf('SC_CLK_TCK')
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            cmd=open(f'/proc/{p}/cmdline','rb').read().replace(b'\0',b' ').decode()
            st=open(f'/proc/{p}/stat').read().split(') ')[1].split()
        except Exception: continue
        t=(int(st[11])+int(st[12]))/hz
        if 'mock-carrier' in cmd: k='mock'
        elif 'quarkus-run' in cmd: k='service'
        elif 'LoadDriver' in cmd: k='driver'
        elif 'postgres' in cmd: k='postgres'
        elif 'beam' in cmd: k='rabbit'
        else: k='other'
        g[k]=g.get(k,0)+t
    return g
if sys.argv[1]=='snap':
    json.dump(groups(),open(sys.argv[2],'w'))
else:
    a=json.load(open(sys.argv[2])); b=groups(); n=float(sys.argv[3])
    print('cpu ms per turn:', {k: round((b.get(k,0)-a.get(k,0))*1000/n,2) for k in b if b.get(k,0)-a.get(k,0)>0.05})
