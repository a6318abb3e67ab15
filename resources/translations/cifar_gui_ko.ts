<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ClassNames</name>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="19"/>
        <source>horizontal stripes</source>
        <translation>가로 줄무늬</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="20"/>
        <source>vertical stripes</source>
        <translation>세로 줄무늬</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="21"/>
        <source>diagonal stripes</source>
        <translation>대각선 줄무늬</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="22"/>
        <source>disc</source>
        <translation>원판</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="23"/>
        <source>square</source>
        <translation>정사각형</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="24"/>
        <source>ring</source>
        <translation>고리</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="25"/>
        <source>cross</source>
        <translation>십자</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="26"/>
        <source>checkerboard</source>
        <translation>체크무늬</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="27"/>
        <source>triangle</source>
        <translation>삼각형</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="28"/>
        <source>gradient</source>
        <translation>그러데이션</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/class_names.py" line="49"/>
        <source>test #{index} ({name})</source>
        <translation>테스트 #{index} ({name})</translation>
    </message>
</context>
<context>
    <name>ClassifyTab</name>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="126"/>
        <source>Open model file…</source>
        <translation>모델 파일 열기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="128"/>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="131"/>
        <source>Details…</source>
        <translation>자세히…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="137"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="141"/>
        <source>Open images…</source>
        <translation>이미지 열기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="143"/>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="145"/>
        <source>Random test image</source>
        <translation>무작위 테스트 이미지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="147"/>
        <source>Show heatmap (what the network looked at)</source>
        <translation>히트맵 보기 (신경망이 주목한 곳)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="157"/>
        <source>Drop image files or a folder here, or paste an image.</source>
        <translation>이미지 파일이나 폴더를 여기에 끌어다 놓거나, 이미지를 붙여넣으세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="176"/>
        <source>As given</source>
        <translation>원본</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="177"/>
        <source>Network input (32×32)</source>
        <translation>신경망 입력 (32×32)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="195"/>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="196"/>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="199"/>
        <source>Inside the network</source>
        <translation>신경망 내부</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="213"/>
        <source>Classify folder…</source>
        <translation>폴더 분류…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="215"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="217"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="223"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="223"/>
        <source>Top class</source>
        <translation>1순위 클래스</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="223"/>
        <source>Confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="223"/>
        <source>Top 3</source>
        <translation>상위 3개</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="224"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="259"/>
        <source>— choose a run —</source>
        <translation>— 실행을 고르세요 —</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="268"/>
        <source>{name}  (val acc {acc:.3f})</source>
        <translation>{name}  (검증 정확도 {acc:.3f})</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="271"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="271"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="272"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="272"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="311"/>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="312"/>
        <source>Keras models and exported runs (*.keras *.zip);;All files (*)</source>
        <translation>Keras 모델과 내보낸 실행 (*.keras *.zip);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="325"/>
        <source>Loading {path}…</source>
        <translation>{path} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="352"/>
        <source>Loaded {path} — {n} classes: {names}</source>
        <translation>{path} 불러옴 — 클래스 {n}개: {names}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="373"/>
        <source>Cannot use this model: {error}</source>
        <translation>이 모델을 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="384"/>
        <source>Cannot use this model</source>
        <translation>이 모델을 쓸 수 없음</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="397"/>
        <source>Open images</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="398"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>이미지 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="406"/>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="464"/>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="633"/>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="411"/>
        <source>{n} files: the first {limit} are shown; use Classify folder for all of them.</source>
        <translation>파일 {n}개: 처음 {limit}개만 보여 줍니다. 전부 분류하려면 &quot;폴더 분류&quot;를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="438"/>
        <source>Not used: {reasons}</source>
        <translation>사용하지 않음: {reasons}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="470"/>
        <source>pasted image</source>
        <translation>붙여넣은 이미지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="477"/>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="535"/>
        <source>dropped image</source>
        <translation>끌어다 놓은 이미지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="587"/>
        <source>Classification failed: {error}</source>
        <translation>분류 실패: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="594"/>
        <source>{name}: {cls} ({p:.1%})</source>
        <translation>{name}: {cls} ({p:.1%})</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="599"/>
        <source>correct</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="599"/>
        <source>wrong</source>
        <translation>오답</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="600"/>
        <source> — true class: {cls} ({verdict})</source>
        <translation> — 실제 클래스: {cls} ({verdict})</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="604"/>
        <source>No heatmap: {why}</source>
        <translation>히트맵 없음: {why}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="627"/>
        <source>Classify every image in</source>
        <translation>모든 이미지를 분류할 폴더</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="636"/>
        <source>A folder is being classified; cancel it first.</source>
        <translation>폴더를 분류하는 중입니다. 먼저 취소하세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="659"/>
        <source>Classifying {folder}…</source>
        <translation>{folder} 분류 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="674"/>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="710"/>
        <source>{n} images classified, {bad} unreadable</source>
        <translation>이미지 {n}개 분류, {bad}개 읽을 수 없음</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="714"/>
        <source>Cancelled: </source>
        <translation>취소됨: </translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="722"/>
        <source>The folder could not be classified: {error}</source>
        <translation>폴더를 분류하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="728"/>
        <source>Export the results</source>
        <translation>결과 내보내기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="728"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="753"/>
        <source>Could not save: {error}</source>
        <translation>저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/classify_tab.py" line="756"/>
        <source>Saved {path}</source>
        <translation>{path} 저장함</translation>
    </message>
</context>
<context>
    <name>ConfusionEpochsPage</name>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="253"/>
        <source>Open exported run…</source>
        <translation>내보낸 실행 열기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="259"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="270"/>
        <source>— choose a run —</source>
        <translation>— 실행을 고르세요 —</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="274"/>
        <source>{name} (training now)</source>
        <translation>{name} (지금 학습 중)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="291"/>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="331"/>
        <source>Training now: {folder}</source>
        <translation>지금 학습 중: {folder}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="305"/>
        <source>{folder}: {n} epochs</source>
        <translation>{folder}: {n} 에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="321"/>
        <source>Open an exported run</source>
        <translation>내보낸 실행 열기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="322"/>
        <source>Exported runs (*.zip);;All files (*)</source>
        <translation>내보낸 실행 (*.zip);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="333"/>
        <source>Reading {path}…</source>
        <translation>{path} 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="346"/>
        <source>{name}: {n} epochs</source>
        <translation>{name}: {n} 에포크</translation>
    </message>
</context>
<context>
    <name>ConfusionOverEpochs</name>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="68"/>
        <source>Validation accuracy of each class</source>
        <translation>클래스별 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="69"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="70"/>
        <source>accuracy (recall)</source>
        <translation>정확도 (재현율)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="83"/>
        <source>Highlight the change from the previous epoch</source>
        <translation>이전 에포크와 달라진 곳 강조</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="91"/>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="131"/>
        <source>class {i}</source>
        <translation>클래스 {i}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="181"/>
        <source>No epoch recorded yet.</source>
        <translation>아직 기록된 에포크가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="185"/>
        <source>{n} of {total}</source>
        <translation>{n} / {total}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="190"/>
        <source>Epoch {n}: no confusion matrix was recorded.</source>
        <translation>에포크 {n}: 기록된 혼동 행렬이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="215"/>
        <source>true {t}, predicted {p}: {n} images</source>
        <translation>실제 {t}, 예측 {p}: 이미지 {n}개</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="224"/>
        <source>Epoch {n}: validation accuracy {acc:.1%} ({total} images).</source>
        <translation>에포크 {n}: 검증 정확도 {acc:.1%} (이미지 {total}개).</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/confusion_over_epochs.py" line="233"/>
        <source>Largest change in confusion since the previous epoch: {t} taken for {p} {d:+d}.</source>
        <translation>이전 에포크 대비 가장 큰 혼동 변화: {t}을(를) {p}(으)로 예측 {d:+d}.</translation>
    </message>
</context>
<context>
    <name>DataExplorer</name>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="108"/>
        <source>No data loaded yet.</source>
        <translation>아직 불러온 데이터가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="116"/>
        <source>Images per class</source>
        <translation>클래스별 이미지 수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="145"/>
        <source>Loading {source}…</source>
        <translation>{source} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="156"/>
        <source>Could not load the data: {message}</source>
        <translation>데이터를 불러오지 못했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="176"/>
        <source>Image shape {shape}, uint8. Per-channel mean {mean}, std {std} (R, G, B).</source>
        <translation>이미지 형태 {shape}, uint8. 채널별 평균 {mean}, 표준편차 {std} (R, G, B).</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="188"/>
        <source> (from cache)</source>
        <translation> (캐시에서)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="189"/>
        <source>{name}: {train} training and {test} test images, loaded in {sec:.2f} s{note}.</source>
        <translation>{name}: 훈련 이미지 {train}개, 테스트 이미지 {test}개, {sec:.2f}초 만에 불러옴{note}.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="194"/>
        <source>Training uses a balanced sample of {n} of them (Use N images); the counts show that sample.</source>
        <translation>학습에는 그중 클래스 균형을 맞춘 {n}개만 씁니다(&quot;이미지 N개 사용&quot;). 개수는 그 표본 기준입니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="198"/>
        <source>{n} unreadable files were skipped.</source>
        <translation>읽을 수 없는 파일 {n}개를 건너뛰었습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="203"/>
        <source>{folder} ({why})</source>
        <translation>{folder} ({why})</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="206"/>
        <source>Folders left out: {names}.</source>
        <translation>제외된 폴더: {names}.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="233"/>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="234"/>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="235"/>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/data_explorer.py" line="260"/>
        <source>Training image {i}: {label}</source>
        <translation>훈련 이미지 {i}: {label}</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="61"/>
        <source>Choose a run in the Runs tab, or train one.</source>
        <translation>&quot;실행 목록&quot; 탭에서 실행을 고르거나, 새로 학습하세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="63"/>
        <source>Evaluate on the test set</source>
        <translation>테스트 세트로 평가</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="73"/>
        <source>Rows: true class. Columns: predicted class. Click a cell to see its images.</source>
        <translation>행: 실제 클래스, 열: 예측 클래스. 칸을 누르면 해당 이미지를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="79"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="79"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="79"/>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="79"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="80"/>
        <source>Support</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="88"/>
        <source>Show all mistakes</source>
        <translation>오분류 모두 보기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="101"/>
        <source>Confusion matrix (rows: true, columns: predicted)</source>
        <translation>혼동 행렬 (행: 실제, 열: 예측)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="103"/>
        <source>Per-class scores</source>
        <translation>클래스별 점수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="128"/>
        <source>Reading the evaluation of {run}…</source>
        <translation>{run}의 평가 결과 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="146"/>
        <source>{run} has not been evaluated on the test set yet.</source>
        <translation>{run}은(는) 아직 테스트 세트로 평가하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="160"/>
        <source>Evaluating {run} on the test set…</source>
        <translation>{run}을(를) 테스트 세트로 평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="186"/>
        <source>The evaluation failed: {error}</source>
        <translation>평가 실패: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="203"/>
        <source>{run}: test accuracy {acc:.4f}, test loss {loss:.4f} on {n} images of {source}</source>
        <translation>{run}: {source}의 이미지 {n}개에서 테스트 정확도 {acc:.4f}, 테스트 손실 {loss:.4f}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="222"/>
        <source> (model of epoch {epoch})</source>
        <translation> (에포크 {epoch}의 모델)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="246"/>
        <source>true {t}, predicted {p}: {n} images ({f:.1%} of {t})</source>
        <translation>실제 {t}, 예측 {p}: 이미지 {n}개 ({t}의 {f:.1%})</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="293"/>
        <source>No gallery: {why}</source>
        <translation>갤러리 없음: {why}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="311"/>
        <source>test image #{i}: true {t}, predicted {p} ({c:.1%})</source>
        <translation>테스트 이미지 #{i}: 실제 {t}, 예측 {p} ({c:.1%})</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="317"/>
        <source>misclassified test images</source>
        <translation>잘못 분류된 테스트 이미지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="319"/>
        <source>test images of {t} predicted as {p}</source>
        <translation>{p}(으)로 예측된 {t} 테스트 이미지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/evaluation_view.py" line="324"/>
        <source>{shown} of {total} {what}, most confident first; click one to classify it</source>
        <translation>{what} {total}개 중 {shown}개, 신뢰도 높은 순. 누르면 분류합니다</translation>
    </message>
</context>
<context>
    <name>FeatureMapGrid</name>
    <message>
        <location filename="../../cifar_gui/gui/feature_maps.py" line="67"/>
        <source>Click a map to enlarge it</source>
        <translation>맵을 누르면 크게 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/feature_maps.py" line="72"/>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/feature_maps.py" line="73"/>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/feature_maps.py" line="151"/>
        <source>Channel {index}</source>
        <translation>채널 {index}</translation>
    </message>
</context>
<context>
    <name>HeatmapControls</name>
    <message>
        <location filename="../../cifar_gui/gui/heatmap_controls.py" line="40"/>
        <source>Grad-CAM: how much each part of the picture raised the top class&apos;s score</source>
        <translation>Grad-CAM: 그림의 각 부분이 1순위 클래스의 점수를 얼마나 높였는지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/heatmap_controls.py" line="48"/>
        <source>Heatmap opacity</source>
        <translation>히트맵 불투명도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/heatmap_controls.py" line="54"/>
        <source>0: not used</source>
        <translation>0: 쓰이지 않음</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/heatmap_controls.py" line="56"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/heatmap_controls.py" line="58"/>
        <source>1: used most</source>
        <translation>1: 가장 많이 쓰임</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../cifar_gui/gui/language.py" line="81"/>
        <source>No installed font covers Hangul, so Korean text may show as boxes: install fonts-noto-cjk (sudo apt-get install fonts-noto-cjk).</source>
        <translation>한글을 표시할 글꼴이 설치되어 있지 않아 한국어가 네모로 보일 수 있습니다. fonts-noto-cjk를 설치하세요 (sudo apt-get install fonts-noto-cjk).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../cifar_gui/gui/language.py" line="93"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/language.py" line="94"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/language.py" line="98"/>
        <source>System (follow the desktop)</source>
        <translation>시스템 (데스크톱 설정 따름)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/language.py" line="119"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/language.py" line="120"/>
        <source>The new language applies the next time CIFAR GUI starts; this window, and any run in progress, carry on unchanged.</source>
        <translation>새 언어는 CIFAR GUI를 다음에 시작할 때 적용됩니다. 이 창과 진행 중인 실행은 그대로 계속됩니다.</translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="78"/>
        <source>Choose a model and an image.</source>
        <translation>모델과 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="83"/>
        <source>First convolution&apos;s filters (RGB)</source>
        <translation>첫 번째 합성곱 층의 필터 (RGB)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="86"/>
        <location filename="../../cifar_gui/gui/layer_view.py" line="225"/>
        <source>Weights of this layer</source>
        <translation>이 층의 가중치</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="86"/>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="86"/>
        <location filename="../../cifar_gui/gui/layer_view.py" line="89"/>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="89"/>
        <source>Activations for this image</source>
        <translation>이 이미지의 활성화</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="89"/>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="92"/>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="124"/>
        <source>Preparing the layers of {name}…</source>
        <translation>{name}의 층을 준비하는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="197"/>
        <source>{ms:.0f} ms per image (median of {n}, all {layers} layers)</source>
        <translation>이미지당 {ms:.0f} ms ({n}회 중앙값, 전체 {layers}개 층)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="210"/>
        <source>Cannot look inside: {error}</source>
        <translation>내부를 볼 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/layer_view.py" line="225"/>
        <source>This layer has no weights</source>
        <translation>이 층에는 가중치가 없습니다</translation>
    </message>
</context>
<context>
    <name>LessonTable</name>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="38"/>
        <source>Epochs trained</source>
        <translation>학습한 에포크 수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="39"/>
        <source>Gap at the last epoch (val − train loss)</source>
        <translation>마지막 에포크의 차이 (검증 − 훈련 손실)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="41"/>
        <source>Largest gap (at epoch)</source>
        <translation>가장 큰 차이 (에포크)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="43"/>
        <source>Validation loss stopped falling at epoch</source>
        <translation>검증 손실이 더 내려가지 않은 에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="44"/>
        <source>Lowest validation loss</source>
        <translation>최저 검증 손실</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="45"/>
        <source>Epochs trained after it</source>
        <translation>그 뒤로 학습한 에포크 수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="46"/>
        <source>Validation loss rise since then</source>
        <translation>그 뒤 검증 손실 증가량</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="55"/>
        <source>Overfitting, measured (losses in nats)</source>
        <translation>과대적합 측정 (손실 단위: 나트)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="82"/>
        <source>No readable history: {names}.</source>
        <translation>읽을 수 있는 기록 없음: {names}.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/lesson_table.py" line="105"/>
        <source>Smallest gap at the end: {gap_run} ({gap:.3f}); lowest validation loss: {low_run} ({low:.3f}, epoch {epoch}).</source>
        <translation>마지막 차이가 가장 작은 실행: {gap_run} ({gap:.3f}), 최저 검증 손실: {low_run} ({low:.3f}, 에포크 {epoch}).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="65"/>
        <location filename="../../cifar_gui/gui/main_window.py" line="544"/>
        <source>CIFAR GUI</source>
        <translation>CIFAR GUI</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="90"/>
        <source>Compare regularisation</source>
        <translation>규제 비교</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="92"/>
        <source>Train the plain, L2 and dropout presets with these settings, one after the other, and overlay their curves</source>
        <translation>이 설정으로 기본, L2, 드롭아웃 프리셋을 차례로 학습하고 곡선을 겹쳐 그립니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="95"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="96"/>
        <location filename="../../cifar_gui/gui/main_window.py" line="339"/>
        <location filename="../../cifar_gui/gui/main_window.py" line="514"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="98"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="99"/>
        <source>Reset to reference</source>
        <translation>기준 설정으로</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="103"/>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="143"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="144"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="145"/>
        <source>Classify</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="146"/>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="147"/>
        <source>Confusion by epoch</source>
        <translation>에포크별 혼동</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="148"/>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="149"/>
        <source>Sweeps</source>
        <translation>스윕</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="154"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="155"/>
        <source>&amp;Import settings…</source>
        <translation>설정 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="157"/>
        <source>&amp;Export settings…</source>
        <translation>설정 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="159"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="205"/>
        <source>CPU only</source>
        <translation>CPU만</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="207"/>
        <source>TensorFlow {version} ready ({seconds:.1f} s) — {device}</source>
        <translation>TensorFlow {version} 준비됨 ({seconds:.1f}초) — {device}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="212"/>
        <source>Keras: {problem}</source>
        <translation>Keras: {problem}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="228"/>
        <source>Interrupted runs</source>
        <translation>중단된 실행</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="229"/>
        <source>{n} run(s) stopped unexpectedly (the application or the computer stopped mid-run). The newest, {name}, has {done} of {planned} epochs saved.

Continue it from its last saved epoch?</source>
        <translation>실행 {n}개가 예기치 않게 멈췄습니다 (실행 도중 프로그램이나 컴퓨터가 멈춤). 가장 최근 실행 {name}은(는) {planned} 에포크 중 {done} 에포크가 저장되어 있습니다.

마지막으로 저장된 에포크부터 이어서 학습할까요?</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="239"/>
        <location filename="../../cifar_gui/gui/main_window.py" line="336"/>
        <source>Resume</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="241"/>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="255"/>
        <source>TensorFlow could not be loaded</source>
        <translation>TensorFlow를 불러오지 못함</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="257"/>
        <source>TensorFlow could not be loaded: {message}</source>
        <translation>TensorFlow를 불러오지 못했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="276"/>
        <source>Start is available once TensorFlow has loaded.</source>
        <translation>TensorFlow를 불러온 뒤에 시작할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="278"/>
        <source>Cannot start: {reason}</source>
        <translation>시작할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="312"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="346"/>
        <source>Stopping after this batch…</source>
        <translation>이 배치가 끝나면 중지합니다…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="352"/>
        <source>A run can be resumed when no other run is training and TensorFlow has loaded.</source>
        <translation>다른 실행이 학습 중이 아니고 TensorFlow를 불러온 뒤에 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="358"/>
        <source>This run cannot be resumed: {error}</source>
        <translation>이 실행은 이어서 학습할 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="389"/>
        <source>Sweep run {i} of {n}: {run}</source>
        <translation>스윕 실행 {i}/{n}: {run}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="392"/>
        <source>Comparison run {i} of {n}: {preset}</source>
        <translation>비교 실행 {i}/{n}: {preset}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="414"/>
        <source>Comparison ended: {done} of {n} runs completed</source>
        <translation>비교 종료: 실행 {n}개 중 {done}개 완료</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="423"/>
        <source>Comparison finished ({done} of {n} runs completed): validation curves overlaid in the Runs tab</source>
        <translation>비교 완료 (실행 {n}개 중 {done}개 완료): &quot;실행 목록&quot; 탭에 검증 곡선을 겹쳐 그렸습니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="435"/>
        <source>Training on {device}: {train} train / {val} validation images → {folder}</source>
        <translation>{device}에서 학습 중: 훈련 이미지 {train}개 / 검증 이미지 {val}개 → {folder}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="451"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="464"/>
        <source>Run completed in {folder}</source>
        <translation>실행 완료: {folder}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="466"/>
        <source> — test accuracy {acc:.4f}</source>
        <translation> — 테스트 정확도 {acc:.4f}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="470"/>
        <source>Stopped after {n} finished epoch(s); kept in {folder}</source>
        <translation>{n} 에포크를 마치고 중지함. {folder}에 보관함</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="479"/>
        <source>Run failed</source>
        <translation>실행 실패</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="481"/>
        <source>The run failed: {error}
What it made so far is kept in {folder}.</source>
        <translation>실행이 실패했습니다: {error}
지금까지 만든 결과는 {folder}에 보관되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="492"/>
        <source>Could not start</source>
        <translation>시작하지 못함</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="494"/>
        <source>Training could not start: {message}</source>
        <translation>학습을 시작하지 못했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="613"/>
        <source>Download CIFAR-10</source>
        <translation>CIFAR-10 내려받기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="614"/>
        <source>Download CIFAR-10 (163 MB) from the University of Toronto into Keras&apos;s cache?</source>
        <translation>CIFAR-10 (163 MB)을 토론토 대학교에서 Keras 캐시로 내려받을까요?</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="620"/>
        <source>Downloading CIFAR-10…</source>
        <translation>CIFAR-10 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="630"/>
        <source>CIFAR-10 downloaded to {folder}</source>
        <translation>CIFAR-10을 {folder}에 내려받았습니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="643"/>
        <source>Import settings</source>
        <translation>설정 가져오기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="643"/>
        <location filename="../../cifar_gui/gui/main_window.py" line="661"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="653"/>
        <source>These settings cannot be imported: {error}</source>
        <translation>이 설정은 가져올 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="660"/>
        <source>Export settings</source>
        <translation>설정 내보내기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="670"/>
        <source>The settings could not be saved: {error}</source>
        <translation>설정을 저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="698"/>
        <source>Training is running</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/main_window.py" line="699"/>
        <source>Stop the training and quit? The epochs finished so far are kept.</source>
        <translation>학습을 중지하고 끝낼까요? 지금까지 마친 에포크는 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>ModelTable</name>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="40"/>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="40"/>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="40"/>
        <source>Output shape</source>
        <translation>출력 형태</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="40"/>
        <source>Trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="41"/>
        <source>Non-trainable</source>
        <translation>학습 불가</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="41"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="70"/>
        <source>Total: {total:,} parameters — {trainable:,} trainable, {frozen:,} non-trainable</source>
        <translation>전체 파라미터 {total:,}개 — 학습 가능 {trainable:,}개, 학습 불가 {frozen:,}개</translation>
    </message>
</context>
<context>
    <name>ParallelCoordinates</name>
    <message>
        <location filename="../../cifar_gui/gui/parallel_coordinates.py" line="40"/>
        <source>Every swept setting and the best accuracy</source>
        <translation>스윕한 모든 설정과 최고 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/parallel_coordinates.py" line="71"/>
        <source>Best val acc</source>
        <translation>최고 검증 정확도</translation>
    </message>
</context>
<context>
    <name>PresetModelTable</name>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="98"/>
        <source>The model&apos;s layers appear once TensorFlow has loaded.</source>
        <translation>TensorFlow를 불러오면 모델의 층이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="124"/>
        <source>No model for these settings: {field}: {why}</source>
        <translation>이 설정으로는 모델을 만들 수 없습니다: {field}: {why}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="157"/>
        <source>Preset “{preset}”, before training (for 10 classes, as CIFAR-10)</source>
        <translation>프리셋 “{preset}”, 학습 전 (CIFAR-10처럼 클래스 10개 기준)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/model_table.py" line="165"/>
        <source>No model for these settings: {error}</source>
        <translation>이 설정으로는 모델을 만들 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>ProbabilityChart</name>
    <message>
        <location filename="../../cifar_gui/gui/probability_chart.py" line="22"/>
        <source>probability</source>
        <translation>확률</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="39"/>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="41"/>
        <source>Overall</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="63"/>
        <source>elapsed {t}</source>
        <translation>경과 {t}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="73"/>
        <source>ETA — (paused)</source>
        <translation>남은 시간 — (일시 정지)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="95"/>
        <source>0 / {epochs} epochs</source>
        <translation>0 / {epochs} 에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="111"/>
        <source>waiting for the first batch</source>
        <translation>첫 배치를 기다리는 중</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="113"/>
        <source>— images/s</source>
        <translation>— 이미지/초</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="114"/>
        <source>elapsed 0:00</source>
        <translation>경과 0:00</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="115"/>
        <source>ETA —</source>
        <translation>남은 시간 —</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="117"/>
        <source>lr {lr:g}</source>
        <translation>학습률 {lr:g}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="126"/>
        <source>%p% ({epoch} / {epochs} epochs)</source>
        <translation>%p% ({epoch} / {epochs} 에포크)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="137"/>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="149"/>
        <source>epoch {epoch}: %v / %m steps</source>
        <translation>에포크 {epoch}: %v / %m 스텝</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="155"/>
        <source>{speed:.0f} images/s</source>
        <translation>{speed:.0f} 이미지/초</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="162"/>
        <source>ETA {t}</source>
        <translation>남은 시간 {t}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/progress_panel.py" line="167"/>
        <source>lr {lr:.3g}</source>
        <translation>학습률 {lr:.3g}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="92"/>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="95"/>
        <source>Cancel queue</source>
        <translation>대기열 취소</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="97"/>
        <source>The runs not yet started are dropped; the one training now finishes.</source>
        <translation>아직 시작하지 않은 실행은 취소되고, 지금 학습 중인 실행은 끝까지 진행됩니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="112"/>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="112"/>
        <source>training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="113"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="113"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="114"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_queue.py" line="114"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>RunComparisonPlot</name>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="35"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="36"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="38"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="39"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="41"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="49"/>
        <source>Show training curves (dashed)</source>
        <translation>훈련 곡선 보기 (점선)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="74"/>
        <source>No readable history: {names}</source>
        <translation>읽을 수 있는 기록 없음: {names}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/run_comparison_plot.py" line="100"/>
        <source>{name} (train)</source>
        <translation>{name} (훈련)</translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="107"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="107"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="107"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="107"/>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="108"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="108"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="108"/>
        <source>Best val acc</source>
        <translation>최고 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="109"/>
        <source>Test acc</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="109"/>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="109"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="109"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="124"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="125"/>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="126"/>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="127"/>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="128"/>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="129"/>
        <source>Classify with it</source>
        <translation>이 모델로 분류</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="130"/>
        <source>Resume…</source>
        <translation>이어서 학습…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="131"/>
        <source>Export zip…</source>
        <translation>zip으로 내보내기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="152"/>
        <source>Select several runs to overlay their curves.</source>
        <translation>여러 실행을 선택하면 곡선을 겹쳐 그립니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="200"/>
        <source>{optimizer} lr {lr}, batch {batch}</source>
        <translation>{optimizer} 학습률 {lr}, 배치 {batch}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="61"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="61"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="62"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="62"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="63"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="64"/>
        <source>damaged</source>
        <translation>손상됨</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="64"/>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="293"/>
        <source>Rename run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="294"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="306"/>
        <source>Could not rename: {error}</source>
        <translation>이름을 바꾸지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="317"/>
        <source>Delete runs</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="318"/>
        <source>Delete {n} run(s) and all their files? This cannot be undone.

{names}</source>
        <translation>실행 {n}개와 그 파일을 모두 삭제할까요? 되돌릴 수 없습니다.

{names}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="331"/>
        <source>{name} is training now</source>
        <translation>{name}은(는) 지금 학습 중입니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="340"/>
        <source>Not deleted: {why}</source>
        <translation>삭제하지 않음: {why}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="342"/>
        <source>{n} run(s) deleted</source>
        <translation>실행 {n}개 삭제함</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="349"/>
        <source>No file manager could open {path}</source>
        <translation>{path}을(를) 열 파일 관리자가 없습니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="365"/>
        <source>Resume run</source>
        <translation>실행 이어서 학습</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="366"/>
        <source>Train {name} for how many more epochs?</source>
        <translation>{name}을(를) 몇 에포크 더 학습할까요?</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="377"/>
        <source>Export run</source>
        <translation>실행 내보내기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="378"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 압축 파일 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="387"/>
        <source>Exporting {name}…</source>
        <translation>{name} 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="395"/>
        <source>Exported to {path}</source>
        <translation>{path}(으)로 내보냄</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/runs_tab.py" line="399"/>
        <source>Export failed: {error}</source>
        <translation>내보내기 실패: {error}</translation>
    </message>
</context>
<context>
    <name>SettingLabels</name>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="44"/>
        <source>plain</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="45"/>
        <source>l2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="46"/>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="47"/>
        <source>modern</source>
        <translation>최신</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="48"/>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="49"/>
        <source>cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="50"/>
        <source>plateau</source>
        <translation>정체 시 감소</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="19"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="219"/>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="20"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="222"/>
        <source>Dropout rate</source>
        <translation>드롭아웃 비율</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="21"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="223"/>
        <source>L2 factor</source>
        <translation>L2 계수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="22"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="234"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="23"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="237"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="24"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="264"/>
        <source>Momentum (SGD)</source>
        <translation>모멘텀 (SGD)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="25"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="266"/>
        <source>Weight decay (AdamW)</source>
        <translation>가중치 감쇠 (AdamW)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="26"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="244"/>
        <source>Schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="27"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="268"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="28"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="269"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="29"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="195"/>
        <source>Validation split</source>
        <translation>검증 세트 비율</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="30"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="196"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="31"/>
        <source>Use first N images</source>
        <translation>처음 N개 이미지 사용</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="32"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="273"/>
        <source>Patience (epochs)</source>
        <translation>인내 에포크 수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="33"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="274"/>
        <source>Best epoch by</source>
        <translation>최고 에포크 기준</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="163"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="167"/>
        <source>CIFAR-10 on this machine ({path})</source>
        <translation>이 컴퓨터의 CIFAR-10 ({path})</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="169"/>
        <source>CIFAR-10 on this machine (not found)</source>
        <translation>이 컴퓨터의 CIFAR-10 (찾지 못함)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="174"/>
        <source>Automatic (CIFAR-10 if found, else demo)</source>
        <translation>자동 (CIFAR-10이 있으면 CIFAR-10, 없으면 데모)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/setting_labels.py" line="77"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="175"/>
        <source>Built-in demo shapes</source>
        <translation>내장 데모 도형</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="179"/>
        <source>Source</source>
        <translation>데이터 출처</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="181"/>
        <source>Archive…</source>
        <translation>압축 파일…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="182"/>
        <source>Choose a cifar-10-python.tar.gz file</source>
        <translation>cifar-10-python.tar.gz 파일 고르기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="184"/>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="186"/>
        <source>Choose a cifar-10-batches-py folder or an image folder (ROOT/&lt;class&gt;/*.png)</source>
        <translation>cifar-10-batches-py 폴더나 이미지 폴더 (ROOT/&lt;클래스&gt;/*.png) 고르기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="189"/>
        <source>Download…</source>
        <translation>내려받기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="190"/>
        <source>Download CIFAR-10 (needs internet access)</source>
        <translation>CIFAR-10 내려받기 (인터넷 연결 필요)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="200"/>
        <source>Use N images (balanced)</source>
        <translation>이미지 N개 사용 (클래스 균형)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="203"/>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="204"/>
        <source>Stratified split</source>
        <translation>계층적 분할</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="208"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="211"/>
        <source>Plain CNN</source>
        <translation>기본 CNN</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="212"/>
        <source>CNN + L2 regularisation</source>
        <translation>CNN + L2 규제</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="213"/>
        <source>CNN + dropout (reference)</source>
        <translation>CNN + 드롭아웃 (기준)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="214"/>
        <source>Modern (batch norm, augmentation)</source>
        <translation>최신 구성 (배치 정규화, 데이터 증강)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="226"/>
        <source>Preset default</source>
        <translation>프리셋 기본값</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="226"/>
        <source>On</source>
        <translation>켬</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="226"/>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="228"/>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="232"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="240"/>
        <source>Constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="241"/>
        <source>Cosine decay</source>
        <translation>코사인 감쇠</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="242"/>
        <source>Reduce on plateau</source>
        <translation>정체 시 감소</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="249"/>
        <source>Plateau: rate factor</source>
        <translation>정체 시: 감소 비율</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="253"/>
        <source>Reduce on plateau: the learning rate is multiplied by this factor</source>
        <translation>정체 시 감소: 학습률에 이 값을 곱합니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="258"/>
        <source>Plateau: patience (epochs)</source>
        <translation>정체 시: 인내 에포크 수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="262"/>
        <source>Reduce on plateau: epochs without a lower validation loss before it acts</source>
        <translation>정체 시 감소: 검증 손실이 낮아지지 않은 채 기다릴 에포크 수</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="271"/>
        <source>Early stopping</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="275"/>
        <source>Validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="275"/>
        <source>Validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="281"/>
        <source>Evaluate on the test set</source>
        <translation>테스트 세트로 평가</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="287"/>
        <source>Deterministic (the same seed, the same run)</source>
        <translation>결정적 실행 (같은 시드면 같은 결과)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="293"/>
        <source>Write TensorBoard logs</source>
        <translation>TensorBoard 로그 기록</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="295"/>
        <source>If saving fails</source>
        <translation>저장에 실패하면</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="296"/>
        <source>Stop the run (disk full, read-only folder)</source>
        <translation>실행 중지 (디스크 가득 참, 읽기 전용 폴더)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="297"/>
        <source>Keep training without saving</source>
        <translation>저장하지 않고 계속 학습</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="302"/>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="305"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="304"/>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="304"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="310"/>
        <source>Mixed precision (GPU)</source>
        <translation>혼합 정밀도 (GPU)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="313"/>
        <source>no cap: memory grows as needed</source>
        <translation>제한 없음: 필요한 만큼 메모리 사용</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="314"/>
        <source>The most GPU memory a run may take, in MB (empty: it grows as needed and leaves the rest to other programs)</source>
        <translation>실행 하나가 쓸 수 있는 최대 GPU 메모리 (MB). 비워 두면 필요한 만큼만 쓰고 나머지는 다른 프로그램에 남깁니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="316"/>
        <source>GPU memory cap (MB)</source>
        <translation>GPU 메모리 상한 (MB)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="322"/>
        <source>Choose the CIFAR-10 archive</source>
        <translation>CIFAR-10 압축 파일 고르기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="323"/>
        <source>CIFAR-10 archives (*.tar.gz *.tgz *.tar);;All files (*)</source>
        <translation>CIFAR-10 압축 파일 (*.tar.gz *.tgz *.tar);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="330"/>
        <source>Choose a data folder</source>
        <translation>데이터 폴더 고르기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="342"/>
        <source>Not used: {reason}</source>
        <translation>사용하지 않음: {reason}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="374"/>
        <source>All GPUs (MirroredStrategy)</source>
        <translation>모든 GPU (MirroredStrategy)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="402"/>
        <source>Enter a value.</source>
        <translation>값을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="404"/>
        <source>Enter a whole number, not {text}.</source>
        <translation>{text} 대신 정수를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="405"/>
        <source>Enter a number.</source>
        <translation>숫자를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/settings_panel.py" line="424"/>
        <source>{field}: {why}</source>
        <translation>{field}: {why}</translation>
    </message>
</context>
<context>
    <name>SweepFilter</name>
    <message>
        <location filename="../../cifar_gui/gui/sweep_filter.py" line="15"/>
        <source>List every run, or only the runs of one sweep</source>
        <translation>모든 실행 또는 한 스윕의 실행만 보기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_filter.py" line="16"/>
        <source>All runs</source>
        <translation>모든 실행</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_filter.py" line="26"/>
        <source>Sweep {id}</source>
        <translation>스윕 {id}</translation>
    </message>
</context>
<context>
    <name>SweepPlots</name>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="41"/>
        <source>Validation accuracy of each run</source>
        <translation>실행별 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="42"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="43"/>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="45"/>
        <source>Best validation accuracy by setting</source>
        <translation>설정별 최고 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="46"/>
        <source>best validation accuracy</source>
        <translation>최고 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="52"/>
        <source>By setting</source>
        <translation>설정별</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="53"/>
        <source>All settings</source>
        <translation>모든 설정</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_plots.py" line="108"/>
        <source>No readable history for run(s) {runs}</source>
        <translation>읽을 수 있는 기록이 없는 실행: {runs}</translation>
    </message>
</context>
<context>
    <name>SweepQueuePanel</name>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="142"/>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="185"/>
        <source>Pause queue</source>
        <translation>대기열 일시 정지</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="145"/>
        <source>The run training now finishes; the next starts when you resume the queue.</source>
        <translation>지금 학습 중인 실행은 끝까지 진행되고, 다음 실행은 대기열을 재개하면 시작됩니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="148"/>
        <source>Add runs</source>
        <translation>실행 추가</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="150"/>
        <source>Add the combinations now in the settings to this sweep&apos;s queue.</source>
        <translation>지금 설정에 있는 조합을 이 스윕의 대기열에 추가합니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="166"/>
        <source>The queue could not be saved ({error}): the runs left will not survive closing the window.</source>
        <translation>대기열을 저장하지 못했습니다 ({error}). 창을 닫으면 남은 실행은 사라집니다.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="175"/>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="177"/>
        <source>{sweep}: paused, {n} run(s) left</source>
        <translation>{sweep}: 일시 정지, 남은 실행 {n}개</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="180"/>
        <source>{sweep}: {n} run(s) left</source>
        <translation>{sweep}: 남은 실행 {n}개</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_queue.py" line="185"/>
        <source>Resume queue</source>
        <translation>대기열 재개</translation>
    </message>
</context>
<context>
    <name>SweepSettingsPanel</name>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="57"/>
        <source>Several values sweep: 1e-3, 3e-4</source>
        <translation>여러 값을 넣으면 스윕: 1e-3, 3e-4</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="65"/>
        <source>Sweep (one run per combination)</source>
        <translation>스윕 (조합마다 실행 하나)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="67"/>
        <source>Type several values in a field (learning rate 1e-3, 3e-4) or tick several choices below.</source>
        <translation>입력란에 여러 값을 넣거나 (학습률 1e-3, 3e-4) 아래에서 여러 항목을 체크하세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="85"/>
        <source>Random search: draw</source>
        <translation>무작위 탐색: 조합</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="86"/>
        <source>Draw N combinations at random from the lists and ranges (low..high; rates log-uniform)</source>
        <translation>목록과 범위(최소..최대, 비율은 로그 균등)에서 조합 N개를 무작위로 뽑습니다</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="88"/>
        <source> runs</source>
        <translation>개 실행</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="90"/>
        <source>seed </source>
        <translation>시드 </translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="230"/>
        <source>One run (no setting has several values).</source>
        <translation>실행 하나 (여러 값을 가진 설정 없음).</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_settings.py" line="235"/>
        <source>{n} runs:</source>
        <translation>실행 {n}개:</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="46"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="48"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="52"/>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="53"/>
        <source>Colour by</source>
        <translation>색 기준</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="95"/>
        <source>No sweep yet: type several values in a setting (1e-3, 3e-4) and press Start.</source>
        <translation>아직 스윕이 없습니다. 설정에 여러 값을 넣고 (1e-3, 3e-4) &quot;시작&quot;을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="115"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="115"/>
        <source>Best val acc</source>
        <translation>최고 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="116"/>
        <source>Test acc</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="116"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="136"/>
        <source>The best validation accuracy of this sweep</source>
        <translation>이 스윕의 최고 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="156"/>
        <source>Export the sweep table</source>
        <translation>스윕 표 내보내기</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="157"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="167"/>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓰지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_view.py" line="170"/>
        <source>Table written to {path}</source>
        <translation>표를 {path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>SweepWindowMixin</name>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="25"/>
        <source>Start {n} runs</source>
        <translation>실행 {n}개 시작</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="25"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="35"/>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="51"/>
        <source>The sweep cannot start: {error}</source>
        <translation>스윕을 시작할 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="64"/>
        <source>Sweep {sweep} finished: {n} runs</source>
        <translation>스윕 {sweep} 완료: 실행 {n}개</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="79"/>
        <source>No runs were added: {error}</source>
        <translation>실행을 추가하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="81"/>
        <source>{n} run(s) added to the queue</source>
        <translation>실행 {n}개를 대기열에 추가함</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="92"/>
        <source>Unfinished sweep</source>
        <translation>끝나지 않은 스윕</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="93"/>
        <source>The sweep {sweep} has {left} of its {total} runs still to train (the window was closed or the computer stopped before they ran).

Continue it?</source>
        <translation>스윕 {sweep}에 아직 학습하지 않은 실행이 {total}개 중 {left}개 남아 있습니다 (실행 전에 창을 닫았거나 컴퓨터가 멈춤).

이어서 진행할까요?</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="100"/>
        <source>Continue sweep</source>
        <translation>스윕 계속</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="102"/>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/sweep_window.py" line="120"/>
        <source>The sweep cannot continue: {error}</source>
        <translation>스윕을 계속할 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="157"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="157"/>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="158"/>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="158"/>
        <source>train (running, per batch)</source>
        <translation>훈련 (배치별 이동값)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="159"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="159"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="160"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="160"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="168"/>
        <source>Smoothing of the per-batch line (0: none)</source>
        <translation>배치별 곡선 평활화 (0: 없음)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="170"/>
        <source>Log scale for loss</source>
        <translation>손실 로그 눈금</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="172"/>
        <source>Save PNG…</source>
        <translation>PNG 저장…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="174"/>
        <source>Save CSV…</source>
        <translation>CSV 저장…</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="179"/>
        <source>Smoothing</source>
        <translation>평활화</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="283"/>
        <source>Best epoch {epoch}: validation accuracy {acc:.4f}, loss {loss:.4f}</source>
        <translation>최고 에포크 {epoch}: 검증 정확도 {acc:.4f}, 손실 {loss:.4f}</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="305"/>
        <source>Save the figure</source>
        <translation>그림 저장</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="306"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="311"/>
        <source>Save the data</source>
        <translation>데이터 저장</translation>
    </message>
    <message>
        <location filename="../../cifar_gui/gui/training_plots.py" line="312"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
</context>
</TS>
