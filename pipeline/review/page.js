(function(){
  document.body.classList.add('js');
  var arts=[].slice.call(document.querySelectorAll('section.article'));
  function show(sec){
    arts.forEach(function(a){a.classList.toggle('current',a===sec);});
    [].forEach.call(document.querySelectorAll('.index tr[data-art]'),function(tr){
      tr.classList.toggle('current',sec&&tr.getAttribute('data-art')===sec.id);});
  }
  function reveal(m){
    var box=m.closest('.text');
    if(box&&box.scrollHeight>box.clientHeight){box.scrollTop=Math.max(0,m.offsetTop-box.clientHeight/3);}
    var r=m.getBoundingClientRect();
    if(r.top<0||r.bottom>window.innerHeight){m.scrollIntoView({block:'center'});}
  }
  function flash(id,row){
    var marks=[].slice.call(document.querySelectorAll('mark[data-span="'+id+'"]'));
    [].forEach.call(document.querySelectorAll('tr.selected'),function(t){t.classList.remove('selected');});
    if(row){row.classList.add('selected');}
    if(!marks.length){return false;}
    var sec=marks[0].closest('section.article'); if(sec&&!sec.classList.contains('current')){show(sec);}
    reveal(marks[0]);
    marks.forEach(function(m){m.classList.remove('flash');void m.offsetWidth;m.classList.add('flash');
      m.setAttribute('data-flashed',String(Number(m.getAttribute('data-flashed')||0)+1));});
    setTimeout(function(){marks.forEach(function(m){m.classList.remove('flash');});},1900);
    return true;
  }
  function select(tr){
    if(tr.hasAttribute('data-span')){flash(tr.getAttribute('data-span'),tr);}
    else{[].forEach.call(document.querySelectorAll('tr.selected'),function(t){t.classList.remove('selected');});
      tr.classList.add('selected');var sec=tr.closest('section.article');
      if(sec&&!sec.classList.contains('current')){show(sec);}}
    tr.scrollIntoView({block:'nearest'});
    document.body.setAttribute('data-selected',tr.getAttribute('data-row-id'));
  }
  document.addEventListener('click',function(ev){
    var b=ev.target.closest('button[data-v]');
    if(b){var tr=b.closest('tr[data-row-id]'),v=b.getAttribute('data-v');select(tr);
      if(v==='fix'){openFix(tr);}else{setVerdict(tr.getAttribute('data-row-id'),v,'');}return;}
    var row=ev.target.closest('tr[data-row-id]');
    if(row){select(row);return;}
    var mark=ev.target.closest('mark[data-span]');
    if(mark){var r=document.getElementById('row-'+mark.getAttribute('data-span'));
      if(r){[].forEach.call(document.querySelectorAll('tr.selected'),function(t){t.classList.remove('selected');});
        r.classList.add('selected');r.scrollIntoView({block:'nearest'});}}
  });

  /* ---- verdicts: kept in localStorage under data.key, exported and imported as review.csv ---- */
  var data=JSON.parse(document.getElementById('review-data').textContent);
  var cols=data.columns,byId={};
  data.rows.forEach(function(r){if(document.getElementById('row-'+r.row_id)){byId[r.row_id]=r;}});
  function isPageRow(r){return byId[r.row_id]===r;}
  function initial(){
    var s={v:{},extra:[]};
    data.rows.forEach(function(r){if(!isPageRow(r)){s.extra.push(r);}else if(r.verdict){s.v[r.row_id]=[r.verdict,r.correction];}});
    return s;
  }
  function load(){
    try{var raw=localStorage.getItem(data.key);if(raw){return JSON.parse(raw);}}catch(e){}
    return initial();
  }
  var state=load();
  function status(msg){document.getElementById('status').textContent=msg;}
  function save(){
    try{localStorage.setItem(data.key,JSON.stringify(state));}
    catch(e){status('not saved in this browser ('+e.message+'): export review.csv');}
  }
  function paint(id){
    var tr=document.getElementById('row-'+id),v=state.v[id]||['',''];
    if(v[0]){tr.setAttribute('data-verdict',v[0]);}else{tr.removeAttribute('data-verdict');}
    tr.querySelector('.corr').textContent=v[0]==='fix'?v[1]:'';
  }
  function progress(){
    var per={},done=0,ids=Object.keys(byId);
    ids.forEach(function(id){
      var sec=document.getElementById('row-'+id).closest('section.article').id,p=per[sec]=per[sec]||[0,0];
      p[1]++;if(state.v[id]){p[0]++;done++;}
    });
    [].forEach.call(document.querySelectorAll('.progress[data-art]'),function(el){
      var p=per[el.getAttribute('data-art')]||[0,0];
      el.textContent=(el.tagName==='TD'?'':'reviewed ')+p[0]+'/'+p[1];
      el.classList.toggle('complete',p[1]>0&&p[0]===p[1]);
    });
    document.getElementById('progress-all').textContent='reviewed '+done+'/'+ids.length+' rows';
  }
  function setVerdict(id,verdict,correction){
    if(verdict){state.v[id]=[verdict,correction||''];}else{delete state.v[id];}
    save();paint(id);progress();
  }
  function rowsInOrder(){return [].slice.call(document.querySelectorAll('tr[data-row-id]'));}
  function current(){return document.querySelector('tr.selected[data-row-id]');}
  function move(step){
    var list=rowsInOrder(),tr=current(),i=list.indexOf(tr);
    if(i<0){var sec=document.querySelector('section.article.current'),own=sec?[].slice.call(sec.querySelectorAll('tr[data-row-id]')):[];
      tr=step>0?(own[0]||list[0]):(own[own.length-1]||list[list.length-1]);}
    else{tr=list[Math.max(0,Math.min(list.length-1,i+step))];}
    if(tr){select(tr);}
  }
  function closeFix(){var fx=document.querySelector('tr.fixer');if(fx){fx.remove();}}
  function openFix(tr){
    closeFix();
    var id=tr.getAttribute('data-row-id'),r=byId[id],fields=JSON.parse(r.fields),cur={};
    if(state.v[id]&&state.v[id][0]==='fix'){try{cur=JSON.parse(state.v[id][1]||'{}');}catch(e){}}
    var fx=document.createElement('tr'),td=document.createElement('td');
    fx.className='fixer';td.colSpan=tr.cells.length;fx.appendChild(td);
    data.gold_fields[r.table].forEach(function(name){
      var label=document.createElement('label'),input=document.createElement('input'),val=name in cur?cur[name]:fields[name];
      label.textContent=name+' ';input.name=name;input.value=val==null?'':String(val);
      label.appendChild(input);td.appendChild(label);
    });
    function commit(){
      var corr={};
      [].forEach.call(fx.querySelectorAll('input'),function(input){
        var name=input.name,before=fields[name]==null?'':String(fields[name]);
        if(input.value===before){return;}
        if(name==='year'){var y=parseInt(input.value,10);corr[name]=isNaN(y)?null:y;}else{corr[name]=input.value;}
      });
      closeFix();setVerdict(id,'fix',JSON.stringify(corr));move(1);
    }
    [['save (Enter)',commit],['cancel (Esc)',closeFix]].forEach(function(pair){
      var b=document.createElement('button');b.type='button';b.textContent=pair[0];b.onclick=pair[1];td.appendChild(b);
    });
    fx.addEventListener('keydown',function(ev){
      if(ev.key==='Enter'){ev.preventDefault();commit();}else if(ev.key==='Escape'){ev.preventDefault();closeFix();}
    });
    tr.parentNode.insertBefore(fx,tr.nextSibling);
    fx.querySelector('input').focus();
  }
  document.addEventListener('keydown',function(ev){
    if(ev.ctrlKey||ev.metaKey||ev.altKey||ev.target.closest('input,textarea,select')){return;}
    var k=ev.key,tr=current(),id=tr&&tr.getAttribute('data-row-id');
    if(k==='j'||k==='ArrowDown'){move(1);}
    else if(k==='k'||k==='ArrowUp'){move(-1);}
    else if(tr&&(k==='a'||k==='x')){setVerdict(id,k==='a'?'ok':'wrong','');move(1);}
    else if(tr&&k==='f'&&!tr.classList.contains('missed')){openFix(tr);}
    else if(tr&&k==='u'){setVerdict(id,'','');}
    else{return;}
    ev.preventDefault();
  });

  /* review.csv cells: formula-leading text gets a leading ' (reviewfile.py's escape_cell) */
  function esc(s){return /^'*[=+\-@]/.test(s)?"'"+s:s;}
  function unesc(s){return /^'+[=+\-@]/.test(s)?s.slice(1):s;}
  function csvCell(s){s=esc(s==null?'':String(s));return /[",\r\n]/.test(s)?'"'+s.replace(/"/g,'""')+'"':s;}
  function csvLine(r){return cols.map(function(c){return csvCell(r[c]);}).join(',');}
  function exportText(){
    var lines=[cols.map(csvCell).join(',')];
    data.rows.forEach(function(r){
      if(!isPageRow(r)){return;}
      var v=state.v[r.row_id]||['',''],o={};
      cols.forEach(function(c){o[c]=r[c];});o.verdict=v[0];o.correction=v[1];
      lines.push(csvLine(o));
    });
    state.extra.forEach(function(r){lines.push(csvLine(r));});
    return lines.join('\r\n')+'\r\n';
  }
  document.getElementById('export').addEventListener('click',function(){
    var a=document.createElement('a');
    a.href=URL.createObjectURL(new Blob([exportText()],{type:'text/csv;charset=utf-8'}));
    a.download='review.csv';document.body.appendChild(a);a.click();
    setTimeout(function(){URL.revokeObjectURL(a.href);a.remove();},5000);
    status('exported review.csv');
  });
  function parseCsv(text){
    var out=[],row=[],f='',q=false,started=false;
    text=text.replace(/^\ufeff/,'');
    for(var i=0;i<text.length;i++){
      var c=text[i];
      if(q){if(c!=='"'){f+=c;}else if(text[i+1]==='"'){f+='"';i++;}else{q=false;}}
      else if(c==='"'&&!started){q=started=true;}
      else if(c===','){row.push(f);f='';started=false;}
      else if(c==='\n'||c==='\r'){if(c==='\r'&&text[i+1]==='\n'){i++;}row.push(f);out.push(row);row=[];f='';started=false;}
      else{f+=c;started=true;}
    }
    if(f!==''||row.length){row.push(f);out.push(row);}
    return out.filter(function(r){return r.length>1||r[0]!=='';});
  }
  function canon(s){
    try{var o=JSON.parse(s||'{}'),k=Object.keys(o).sort(),c={};k.forEach(function(n){c[n]=o[n];});return JSON.stringify(c);}
    catch(e){return s;}
  }
  function matchKey(r){return [r.table,r.article_id,canon(r.fields),(r.start||'').trim(),(r.end||'').trim()].join('\u0001');}
  function importText(text){
    var table=parseCsv(text),head=(table[0]||[]).map(unesc);
    if(head.indexOf('table')<0||head.indexOf('verdict')<0){status('not a review.csv: it needs table and verdict columns');return;}
    var byKey={},next={v:{},extra:[]},n=0,skipped=0;
    Object.keys(byId).forEach(function(id){var k=matchKey(byId[id]);(byKey[k]=byKey[k]||[]).push(id);});
    table.slice(1).forEach(function(cells){
      var r={};cols.forEach(function(c){r[c]='';});
      head.forEach(function(h,j){r[h]=unesc(cells[j]||'');});
      r.verdict=r.verdict.trim().toLowerCase();
      var list=byKey[matchKey(r)]||[],at=list.indexOf(r.row_id),id=list.splice(at<0?0:at,1)[0];
      if(!r.verdict){return;}
      if(id){next.v[id]=[r.verdict,r.correction];n++;}
      else if(!r.start.trim()&&!r.end.trim()){next.extra.push(r);}
      else{skipped++;}
    });
    state=next;save();Object.keys(byId).forEach(paint);progress();
    status('imported '+n+' verdicts'+(next.extra.length?', '+next.extra.length+' hand-added rows':'')+
           (skipped?'; '+skipped+' reviewed rows match no row of this report (tables changed?) and were left out':''));
  }
  document.getElementById('import').addEventListener('change',function(){
    var file=this.files[0],reader=new FileReader();
    if(!file){return;}
    reader.onload=function(){importText(String(reader.result));};
    reader.readAsText(file,'utf-8');this.value='';
  });
  Object.keys(byId).forEach(paint);progress();
  document.body.setAttribute('data-review-ready','1');

  function route(){
    var h=decodeURIComponent(location.hash.slice(1));
    if(h.indexOf('click=')===0){
      var row=document.getElementById(h.slice(6));
      if(row){var sec=row.closest('section.article');show(sec);
        var m=document.querySelector('mark[data-span="'+row.getAttribute('data-span')+'"]'),b=document.body;
        if(m){b.setAttribute('data-evidence-top-before',Math.round(m.getBoundingClientRect().top));}
        row.scrollIntoView({block:'nearest'});row.click();b.setAttribute('data-clicked',row.id);
        if(m){var r=m.getBoundingClientRect();b.setAttribute('data-evidence-top',Math.round(r.top));
          b.setAttribute('data-evidence-visible',String(r.top>=0&&r.bottom<=window.innerHeight));}
        return;}
    }
    var target=h&&document.getElementById(h);
    if(target&&target.matches('section.article')){show(target);window.scrollTo(0,0);return;}
    if(!document.querySelector('section.article.current')&&arts.length){show(arts[0]);}
  }
  window.addEventListener('hashchange',route);
  route();
})();
