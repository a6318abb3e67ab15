<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ClassNames</name>
    <message>
        <source>horizontal stripes</source>
        <translation>가로 줄무늬</translation>
    </message>
    <message>
        <source>vertical stripes</source>
        <translation>세로 줄무늬</translation>
    </message>
    <message>
        <source>diagonal stripes</source>
        <translation>대각선 줄무늬</translation>
    </message>
    <message>
        <source>disc</source>
        <translation>원판</translation>
    </message>
    <message>
        <source>square</source>
        <translation>정사각형</translation>
    </message>
    <message>
        <source>ring</source>
        <translation>고리</translation>
    </message>
    <message>
        <source>cross</source>
        <translation>십자</translation>
    </message>
    <message>
        <source>checkerboard</source>
        <translation>체크무늬</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>삼각형</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>그러데이션</translation>
    </message>
    <message>
        <source>test #{index} ({name})</source>
        <translation>테스트 #{index} ({name})</translation>
    </message>
</context>
<context>
    <name>ClassifyFolderPage</name>
    <message>
        <source>Classify folder…</source>
        <translation>폴더 분류…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Top class</source>
        <translation>1순위 클래스</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <source>Top 3</source>
        <translation>상위 3개</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Classify every image in</source>
        <translation>모든 이미지를 분류할 폴더</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 고르세요.</translation>
    </message>
    <message>
        <source>Classifying {folder}…</source>
        <translation>{folder} 분류 중…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>{n} images classified, {bad} unreadable</source>
        <translation>이미지 {n}개 분류, {bad}개 읽을 수 없음</translation>
    </message>
    <message>
        <source>Cancelled: </source>
        <translation>취소됨: </translation>
    </message>
    <message>
        <source>The folder could not be classified: {error}</source>
        <translation>폴더를 분류하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>결과 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} 저장함</translation>
    </message>
</context>
<context>
    <name>ClassifyImagesPage</name>
    <message>
        <source>Open images…</source>
        <translation>이미지 열기…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Random test image</source>
        <translation>무작위 테스트 이미지</translation>
    </message>
    <message>
        <source>Show heatmap (what the network looked at)</source>
        <translation>히트맵 보기 (신경망이 주목한 곳)</translation>
    </message>
    <message>
        <source>As given</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Network input (32×32)</source>
        <translation>신경망 입력 (32×32)</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 고르세요.</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>이미지 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{n} files: the first {limit} are shown; use Classify folder for all of them.</source>
        <translation>파일 {n}개: 처음 {limit}개만 보여 줍니다. 전부 분류하려면 &quot;폴더 분류&quot;를 쓰세요.</translation>
    </message>
    <message>
        <source>Not used: {reasons}</source>
        <translation>사용하지 않음: {reasons}</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>붙여넣은 이미지</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>Classification failed: {error}</source>
        <translation>분류 실패: {error}</translation>
    </message>
    <message>
        <source>{name}: {cls} ({p:.1%})</source>
        <translation>{name}: {cls} ({p:.1%})</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>정답</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>오답</translation>
    </message>
    <message>
        <source> — true class: {cls} ({verdict})</source>
        <translation> — 실제 클래스: {cls} ({verdict})</translation>
    </message>
    <message>
        <source>No heatmap: {why}</source>
        <translation>히트맵 없음: {why}</translation>
    </message>
</context>
<context>
    <name>ClassifyModelPicker</name>
    <message>
        <source>Open model file…</source>
        <translation>모델 파일 열기…</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>자세히…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>— choose a run —</source>
        <translation>— 실행을 고르세요 —</translation>
    </message>
    <message>
        <source>{name}  (val acc {acc:.3f})</source>
        <translation>{name}  (검증 정확도 {acc:.3f})</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Keras models and exported runs (*.keras *.zip);;All files (*)</source>
        <translation>Keras 모델과 내보낸 실행 (*.keras *.zip);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Loading {path}…</source>
        <translation>{path} 불러오는 중…</translation>
    </message>
    <message>
        <source>Loaded {path} — {n} classes: {names}</source>
        <translation>{path} 불러옴 — 클래스 {n}개: {names}</translation>
    </message>
    <message>
        <source>Cannot use this model: {error}</source>
        <translation>이 모델을 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>이 모델을 쓸 수 없음</translation>
    </message>
</context>
<context>
    <name>ClassifyTab</name>
    <message>
        <source>Drop image files or a folder here, or paste an image.</source>
        <translation>이미지 파일이나 폴더를 여기에 끌어다 놓거나, 이미지를 붙여넣으세요.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation>신경망 내부</translation>
    </message>
    <message>
        <source>dropped image</source>
        <translation>끌어다 놓은 이미지</translation>
    </message>
</context>
<context>
    <name>ConfusionEpochsPage</name>
    <message>
        <source>Open exported run…</source>
        <translation>내보낸 실행 열기…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>— choose a run —</source>
        <translation>— 실행을 고르세요 —</translation>
    </message>
    <message>
        <source>{name} (training now)</source>
        <translation>{name} (지금 학습 중)</translation>
    </message>
    <message>
        <source>Training now: {folder}</source>
        <translation>지금 학습 중: {folder}</translation>
    </message>
    <message>
        <source>{folder}: {n} epochs</source>
        <translation>{folder}: {n} 에포크</translation>
    </message>
    <message>
        <source>Open an exported run</source>
        <translation>내보낸 실행 열기</translation>
    </message>
    <message>
        <source>Exported runs (*.zip);;All files (*)</source>
        <translation>내보낸 실행 (*.zip);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>{path} 읽는 중…</translation>
    </message>
    <message>
        <source>{name}: {n} epochs</source>
        <translation>{name}: {n} 에포크</translation>
    </message>
</context>
<context>
    <name>ConfusionOverEpochs</name>
    <message>
        <source>Validation accuracy of each class</source>
        <translation>클래스별 검증 정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>accuracy (recall)</source>
        <translation>정확도 (재현율)</translation>
    </message>
    <message>
        <source>Highlight the change from the previous epoch</source>
        <translation>이전 에포크와 달라진 곳 강조</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>class {i}</source>
        <translation>클래스 {i}</translation>
    </message>
    <message>
        <source>No epoch recorded yet.</source>
        <translation>아직 기록된 에포크가 없습니다.</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} / {total}</translation>
    </message>
    <message>
        <source>Epoch {n}: no confusion matrix was recorded.</source>
        <translation>에포크 {n}: 기록된 혼동 행렬이 없습니다.</translation>
    </message>
    <message>
        <source>true {t}, predicted {p}: {n} images</source>
        <translation>실제 {t}, 예측 {p}: 이미지 {n}개</translation>
    </message>
    <message>
        <source>Epoch {n}: validation accuracy {acc:.1%} ({total} images).</source>
        <translation>에포크 {n}: 검증 정확도 {acc:.1%} (이미지 {total}개).</translation>
    </message>
    <message>
        <source>Largest change in confusion since the previous epoch: {t} taken for {p} {d:+d}.</source>
        <translation>이전 에포크 대비 가장 큰 혼동 변화: {t}을(를) {p}(으)로 예측 {d:+d}.</translation>
    </message>
</context>
<context>
    <name>DataExplorer</name>
    <message>
        <source>No data loaded yet.</source>
        <translation>아직 불러온 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>Images per class</source>
        <translation>클래스별 이미지 수</translation>
    </message>
    <message>
        <source>Loading {source}…</source>
        <translation>{source} 불러오는 중…</translation>
    </message>
    <message>
        <source>Could not load the data: {message}</source>
        <translation>데이터를 불러오지 못했습니다: {message}</translation>
    </message>
    <message>
        <source>Image shape {shape}, uint8. Per-channel mean {mean}, std {std} (R, G, B).</source>
        <translation>이미지 형태 {shape}, uint8. 채널별 평균 {mean}, 표준편차 {std} (R, G, B).</translation>
    </message>
    <message>
        <source> (from cache)</source>
        <translation> (캐시에서)</translation>
    </message>
    <message>
        <source>{name}: {train} training and {test} test images, loaded in {sec:.2f} s{note}.</source>
        <translation>{name}: 훈련 이미지 {train}개, 테스트 이미지 {test}개, {sec:.2f}초 만에 불러옴{note}.</translation>
    </message>
    <message>
        <source>Training uses a balanced sample of {n} of them (Use N images); the counts show that sample.</source>
        <translation>학습에는 그중 클래스 균형을 맞춘 {n}개만 씁니다(&quot;이미지 N개 사용&quot;). 개수는 그 표본 기준입니다.</translation>
    </message>
    <message>
        <source>{n} unreadable files were skipped.</source>
        <translation>읽을 수 없는 파일 {n}개를 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>{folder} ({why})</source>
        <translation>{folder} ({why})</translation>
    </message>
    <message>
        <source>Folders left out: {names}.</source>
        <translation>제외된 폴더: {names}.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Training image {i}: {label}</source>
        <translation>훈련 이미지 {i}: {label}</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Choose a run in the Runs tab, or train one.</source>
        <translation>&quot;실행 목록&quot; 탭에서 실행을 고르거나, 새로 학습하세요.</translation>
    </message>
    <message>
        <source>Evaluate on the test set</source>
        <translation>테스트 세트로 평가</translation>
    </message>
    <message>
        <source>Rows: true class. Columns: predicted class. Click a cell to see its images.</source>
        <translation>행: 실제 클래스, 열: 예측 클래스. 칸을 누르면 해당 이미지를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>The gallery shows at most the {limit} most confident mistakes.</source>
        <translation>갤러리에는 신뢰도가 가장 높은 오분류를 최대 {limit}개까지만 보여 줍니다.</translation>
    </message>
    <message>
        <source>Clear the cell filter</source>
        <translation>셀 필터 해제</translation>
    </message>
    <message>
        <source>Show the mistakes of every confusion-matrix cell again, not only those of the cell clicked (at most the {limit} most confident).</source>
        <translation>누른 셀의 오분류만이 아니라 혼동 행렬 모든 셀의 오분류를 다시 보여 줍니다(신뢰도 높은 순으로 최대 {limit}개).</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true, columns: predicted)</source>
        <translation>혼동 행렬 (행: 실제, 열: 예측)</translation>
    </message>
    <message>
        <source>Per-class scores</source>
        <translation>클래스별 점수</translation>
    </message>
    <message>
        <source>Reading the evaluation of {run}…</source>
        <translation>{run}의 평가 결과 읽는 중…</translation>
    </message>
    <message>
        <source>{run} has not been evaluated on the test set yet.</source>
        <translation>{run}은(는) 아직 테스트 세트로 평가하지 않았습니다.</translation>
    </message>
    <message>
        <source>Evaluating {run} on the test set…</source>
        <translation>{run}을(를) 테스트 세트로 평가하는 중…</translation>
    </message>
    <message>
        <source>The evaluation failed: {error}</source>
        <translation>평가 실패: {error}</translation>
    </message>
    <message>
        <source>{run}: test accuracy {acc:.4f}, test loss {loss:.4f} on {n} images of {source}</source>
        <translation>{run}: {source}의 이미지 {n}개에서 테스트 정확도 {acc:.4f}, 테스트 손실 {loss:.4f}</translation>
    </message>
    <message>
        <source> (model of epoch {epoch})</source>
        <translation> (에포크 {epoch}의 모델)</translation>
    </message>
    <message>
        <source>true {t}, predicted {p}: {n} images ({f:.1%} of {t})</source>
        <translation>실제 {t}, 예측 {p}: 이미지 {n}개 ({t}의 {f:.1%})</translation>
    </message>
    <message>
        <source>No gallery: {why}</source>
        <translation>갤러리 없음: {why}</translation>
    </message>
    <message>
        <source>test image #{i}: true {t}, predicted {p} ({c:.1%})</source>
        <translation>테스트 이미지 #{i}: 실제 {t}, 예측 {p} ({c:.1%})</translation>
    </message>
    <message>
        <source>misclassified test images</source>
        <translation>잘못 분류된 테스트 이미지</translation>
    </message>
    <message>
        <source>test images of {t} predicted as {p}</source>
        <translation>{p}(으)로 예측된 {t} 테스트 이미지</translation>
    </message>
    <message>
        <source>The {shown} most confident of {total} {what} (the gallery shows {shown} at most); click one to classify it</source>
        <translation>{what} {total}개 중 신뢰도가 가장 높은 {shown}개(갤러리는 최대 {shown}개까지 보여 줍니다). 누르면 분류합니다</translation>
    </message>
    <message>
        <source>{shown} of {total} {what}, most confident first; click one to classify it</source>
        <translation>{what} {total}개 중 {shown}개, 신뢰도 높은 순. 누르면 분류합니다</translation>
    </message>
</context>
<context>
    <name>FeatureMapGrid</name>
    <message>
        <source>Click a map to enlarge it</source>
        <translation>맵을 누르면 크게 보여 줍니다</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>Channel {index}</source>
        <translation>채널 {index}</translation>
    </message>
</context>
<context>
    <name>HeatmapControls</name>
    <message>
        <source>Grad-CAM: how much each part of the picture raised the top class&apos;s score</source>
        <translation>Grad-CAM: 그림의 각 부분이 1순위 클래스의 점수를 얼마나 높였는지</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>히트맵 불투명도</translation>
    </message>
    <message>
        <source>0: not used</source>
        <translation>0: 쓰이지 않음</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>1: used most</source>
        <translation>1: 가장 많이 쓰임</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Log folder</source>
        <translation>로그 폴더</translation>
    </message>
    <message>
        <source>The log folder could not be opened; it is {folder}</source>
        <translation>로그 폴더를 열 수 없습니다. 폴더 위치: {folder}</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>설치되지 않음</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>실행 기록 폴더</translation>
    </message>
    <message>
        <source>Train and inspect image classifiers on CIFAR-10 and your own images.</source>
        <translation>CIFAR-10과 직접 모은 이미지로 이미지 분류기를 학습하고 살펴봅니다.</translation>
    </message>
    <message>
        <source>About CIFAR GUI</source>
        <translation>CIFAR GUI 정보</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>로그 폴더 열기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About CIFAR GUI</source>
        <translation>CIFAR GUI 정보(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>No installed font covers Hangul, so Korean text may show as boxes: install fonts-noto-cjk (sudo apt-get install fonts-noto-cjk).</source>
        <translation>한글을 표시할 글꼴이 설치되어 있지 않아 한국어가 네모로 보일 수 있습니다. fonts-noto-cjk를 설치하세요 (sudo apt-get install fonts-noto-cjk).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System (follow the desktop)</source>
        <translation>시스템 (데스크톱 설정 따름)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language applies the next time CIFAR GUI starts; this window, and any run in progress, carry on unchanged.</source>
        <translation>새 언어는 CIFAR GUI를 다음에 시작할 때 적용됩니다. 이 창과 진행 중인 실행은 그대로 계속됩니다.</translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <source>Choose a model and an image.</source>
        <translation>모델과 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>First convolution&apos;s filters (RGB)</source>
        <translation>첫 번째 합성곱 층의 필터 (RGB)</translation>
    </message>
    <message>
        <source>Weights of this layer</source>
        <translation>이 층의 가중치</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>Activations for this image</source>
        <translation>이 이미지의 활성화</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Preparing the layers of {name}…</source>
        <translation>{name}의 층을 준비하는 중…</translation>
    </message>
    <message>
        <source>{ms:.0f} ms per image (median of {n}, all {layers} layers)</source>
        <translation>이미지당 {ms:.0f} ms ({n}회 중앙값, 전체 {layers}개 층)</translation>
    </message>
    <message>
        <source>Cannot look inside: {error}</source>
        <translation>내부를 볼 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>This layer has no weights</source>
        <translation>이 층에는 가중치가 없습니다</translation>
    </message>
</context>
<context>
    <name>LessonTable</name>
    <message>
        <source>Epochs trained</source>
        <translation>학습한 에포크 수</translation>
    </message>
    <message>
        <source>Gap at the last epoch (val − train loss)</source>
        <translation>마지막 에포크의 차이 (검증 − 훈련 손실)</translation>
    </message>
    <message>
        <source>Largest gap (at epoch)</source>
        <translation>가장 큰 차이 (에포크)</translation>
    </message>
    <message>
        <source>Validation loss stopped falling at epoch</source>
        <translation>검증 손실이 더 내려가지 않은 에포크</translation>
    </message>
    <message>
        <source>Lowest validation loss</source>
        <translation>최저 검증 손실</translation>
    </message>
    <message>
        <source>Epochs trained after it</source>
        <translation>그 뒤로 학습한 에포크 수</translation>
    </message>
    <message>
        <source>Validation loss rise since then</source>
        <translation>그 뒤 검증 손실 증가량</translation>
    </message>
    <message>
        <source>Overfitting, measured (losses in nats)</source>
        <translation>과대적합 측정 (손실 단위: 나트)</translation>
    </message>
    <message>
        <source>No readable history: {names}.</source>
        <translation>읽을 수 있는 기록 없음: {names}.</translation>
    </message>
    <message>
        <source>Smallest gap at the end, by size (closest to 0, either sign): {gap_runs} ({gap}); lowest validation loss: {low_runs} ({low}, epoch {epoch}).</source>
        <translation>마지막 차이가 가장 작은 실행(부호와 상관없이 0에 가장 가까움): {gap_runs} ({gap}). 최저 검증 손실: {low_runs} ({low}, 에포크 {epoch}).</translation>
    </message>
    <message>
        <source>Learned nothing (accuracy at chance), so best at nothing: {runs}.</source>
        <translation>아무것도 학습하지 못해(정확도가 우연 수준) 어느 항목에서도 최고로 치지 않음: {runs}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CIFAR GUI</source>
        <translation>CIFAR GUI</translation>
    </message>
    <message>
        <source>Compare regularisation</source>
        <translation>규제 비교</translation>
    </message>
    <message>
        <source>Train the plain, L2 and dropout presets with these settings, one after the other, and overlay their curves</source>
        <translation>이 설정으로 기본, L2, 드롭아웃 프리셋을 차례로 학습하고 곡선을 겹쳐 그립니다</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Reset to reference</source>
        <translation>기준 설정으로</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow 불러오는 중…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Confusion by epoch</source>
        <translation>에포크별 혼동</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import settings…</source>
        <translation>설정 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export settings…</source>
        <translation>설정 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU만</translation>
    </message>
    <message>
        <source>TensorFlow {version} ready ({seconds:.1f} s) — {device}</source>
        <translation>TensorFlow {version} 준비됨 ({seconds:.1f}초) — {device}</translation>
    </message>
    <message>
        <source>Keras: {problem}</source>
        <translation>Keras: {problem}</translation>
    </message>
    <message>
        <source>Interrupted runs</source>
        <translation>중단된 실행</translation>
    </message>
    <message>
        <source>1 run stopped unexpectedly (the application or the computer stopped mid-run). {name} has {done} of {planned} epochs saved.

Continue it from its last saved epoch?</source>
        <translation>실행 1개가 예기치 않게 멈췄습니다 (실행 도중 프로그램이나 컴퓨터가 멈춤). {name}은(는) {planned} 에포크 중 {done} 에포크가 저장되어 있습니다.

마지막으로 저장된 에포크부터 이어서 학습할까요?</translation>
    </message>
    <message>
        <source>{n} runs stopped unexpectedly (the application or the computer stopped mid-run). The newest, {name}, has {done} of {planned} epochs saved.

Continue it from its last saved epoch?</source>
        <translation>실행 {n}개가 예기치 않게 멈췄습니다 (실행 도중 프로그램이나 컴퓨터가 멈춤). 가장 최근 실행 {name}은(는) {planned} 에포크 중 {done} 에포크가 저장되어 있습니다.

마지막으로 저장된 에포크부터 이어서 학습할까요?</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>TensorFlow could not be loaded</source>
        <translation>TensorFlow를 불러오지 못함</translation>
    </message>
    <message>
        <source>TensorFlow could not be loaded: {message}</source>
        <translation>TensorFlow를 불러오지 못했습니다: {message}</translation>
    </message>
    <message>
        <source>Start is available once TensorFlow has loaded.</source>
        <translation>TensorFlow를 불러온 뒤에 시작할 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot start: {reason}</source>
        <translation>시작할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>이 배치가 끝나면 중지합니다…</translation>
    </message>
    <message>
        <source>A run can be resumed when no other run is training and TensorFlow has loaded.</source>
        <translation>다른 실행이 학습 중이 아니고 TensorFlow를 불러온 뒤에 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <source>This run cannot be resumed: {error}</source>
        <translation>이 실행은 이어서 학습할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Sweep run {i} of {n}: {run}</source>
        <translation>스윕 실행 {i}/{n}: {run}</translation>
    </message>
    <message>
        <source>Comparison run {i} of {n}: {preset}</source>
        <translation>비교 실행 {i}/{n}: {preset}</translation>
    </message>
    <message>
        <source>Comparison ended: {done} of {n} runs completed</source>
        <translation>비교 종료: 실행 {n}개 중 {done}개 완료</translation>
    </message>
    <message>
        <source>Comparison finished ({done} of {n} runs completed): validation curves overlaid in the Runs tab</source>
        <translation>비교 완료 (실행 {n}개 중 {done}개 완료): &quot;실행 목록&quot; 탭에 검증 곡선을 겹쳐 그렸습니다</translation>
    </message>
    <message>
        <source>Training on {device}: {train} train / {val} validation images → {folder}</source>
        <translation>{device}에서 학습 중: 훈련 이미지 {train}개 / 검증 이미지 {val}개 → {folder}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Run completed in {folder}</source>
        <translation>실행 완료: {folder}</translation>
    </message>
    <message>
        <source> — test accuracy {acc:.4f}</source>
        <translation> — 테스트 정확도 {acc:.4f}</translation>
    </message>
    <message>
        <source>Stopped after 1 finished epoch; kept in {folder}</source>
        <translation>1 에포크를 마치고 중지함. {folder}에 보관함</translation>
    </message>
    <message>
        <source>Stopped after {n} finished epochs; kept in {folder}</source>
        <translation>{n} 에포크를 마치고 중지함. {folder}에 보관함</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>실행 실패</translation>
    </message>
    <message>
        <source>The run failed: {error}
What it made so far is kept in {folder}.</source>
        <translation>실행이 실패했습니다: {error}
지금까지 만든 결과는 {folder}에 보관되어 있습니다.</translation>
    </message>
    <message>
        <source>Could not start</source>
        <translation>시작하지 못함</translation>
    </message>
    <message>
        <source>Training could not start: {message}</source>
        <translation>학습을 시작하지 못했습니다: {message}</translation>
    </message>
    <message>
        <source>Download CIFAR-10</source>
        <translation>CIFAR-10 내려받기</translation>
    </message>
    <message>
        <source>Download CIFAR-10 (163 MB) from the University of Toronto into Keras&apos;s cache?</source>
        <translation>CIFAR-10 (163 MB)을 토론토 대학교에서 Keras 캐시로 내려받을까요?</translation>
    </message>
    <message>
        <source>Downloading CIFAR-10…</source>
        <translation>CIFAR-10 내려받는 중…</translation>
    </message>
    <message>
        <source>CIFAR-10 downloaded to {folder}</source>
        <translation>CIFAR-10을 {folder}에 내려받았습니다</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>설정 가져오기</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>These settings cannot be imported: {error}</source>
        <translation>이 설정은 가져올 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Export settings</source>
        <translation>설정 내보내기</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>설정을 저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>Stop the training and quit? The epochs finished so far are kept.</source>
        <translation>학습을 중지하고 끝낼까요? 지금까지 마친 에포크는 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>ModelTable</name>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 형태</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <source>Non-trainable</source>
        <translation>학습 불가</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Total: {total:,} parameters — {trainable:,} trainable, {frozen:,} non-trainable</source>
        <translation>전체 파라미터 {total:,}개 — 학습 가능 {trainable:,}개, 학습 불가 {frozen:,}개</translation>
    </message>
</context>
<context>
    <name>ParallelCoordinates</name>
    <message>
        <source>Every swept setting and the best accuracy</source>
        <translation>스윕한 모든 설정과 최고 정확도</translation>
    </message>
    <message>
        <source>{setting} (log scale)</source>
        <translation>{setting} (로그 눈금)</translation>
    </message>
    <message>
        <source>Best val acc</source>
        <translation>최고 검증 정확도</translation>
    </message>
</context>
<context>
    <name>PresetModelTable</name>
    <message>
        <source>The model&apos;s layers appear once TensorFlow has loaded.</source>
        <translation>TensorFlow를 불러오면 모델의 층이 표시됩니다.</translation>
    </message>
    <message>
        <source>No model for these settings: {field}: {why}</source>
        <translation>이 설정으로는 모델을 만들 수 없습니다: {field}: {why}</translation>
    </message>
    <message>
        <source>Preset “{preset}”, before training (for 10 classes, as CIFAR-10)</source>
        <translation>프리셋 “{preset}”, 학습 전 (CIFAR-10처럼 클래스 10개 기준)</translation>
    </message>
    <message>
        <source>No model for these settings: {error}</source>
        <translation>이 설정으로는 모델을 만들 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>PresetRecipeNote</name>
    <message>
        <source>Batch norm takes a 10x higher rate</source>
        <translation>배치 정규화는 10배 높은 학습률을 견딥니다</translation>
    </message>
    <message>
        <source>Speed-run recipe for CPUs</source>
        <translation>CPU용 고속 학습 레시피</translation>
    </message>
    <message>
        <source>The reference notebook&apos;s recipe</source>
        <translation>기준 노트북의 레시피</translation>
    </message>
    <message>
        <source>{why}: {recipe}.</source>
        <translation>{why}: {recipe}.</translation>
    </message>
    <message>
        <source>constant rate</source>
        <translation>일정한 학습률</translation>
    </message>
    <message>
        <source>cosine decay</source>
        <translation>코사인 감소</translation>
    </message>
    <message>
        <source>lower rate on plateaus</source>
        <translation>정체 시 학습률 낮춤</translation>
    </message>
    <message>
        <source>{epochs}-epoch warm-up then {schedule}</source>
        <translation>{epochs}에포크 워밍업 후 {schedule}</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>배치 {size}</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>{epochs} epochs</source>
        <translation>{epochs} 에포크</translation>
    </message>
    <message>
        <source>Changed: {fields}.</source>
        <translation>바뀐 항목: {fields}.</translation>
    </message>
    <message>
        <source>Kept as you set: {fields}.</source>
        <translation>직접 정한 값 유지: {fields}.</translation>
    </message>
</context>
<context>
    <name>ProbabilityChart</name>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>elapsed {t}</source>
        <translation>경과 {t}</translation>
    </message>
    <message>
        <source>ETA — (paused)</source>
        <translation>남은 시간 — (일시 정지)</translation>
    </message>
    <message>
        <source>0 / {epochs} epochs</source>
        <translation>0 / {epochs} 에포크</translation>
    </message>
    <message>
        <source>waiting for the first batch</source>
        <translation>첫 배치를 기다리는 중</translation>
    </message>
    <message>
        <source>— images/s</source>
        <translation>— 이미지/초</translation>
    </message>
    <message>
        <source>ETA — (queue paused)</source>
        <translation>남은 시간 — (대기열 일시 정지)</translation>
    </message>
    <message>
        <source>epoch {epoch} stopped unfinished: discarded</source>
        <translation>에포크 {epoch}: 끝나기 전에 중지되어 버림</translation>
    </message>
    <message>
        <source>epoch {epoch} failed unfinished: discarded</source>
        <translation>에포크 {epoch}: 끝나기 전에 실패하여 버림</translation>
    </message>
    <message>
        <source>0 / {epochs} epochs in {runs} runs</source>
        <translation>0 / {epochs} 에포크 (실행 {runs}개)</translation>
    </message>
    <message>
        <source>elapsed 0:00</source>
        <translation>경과 0:00</translation>
    </message>
    <message>
        <source>ETA —</source>
        <translation>남은 시간 —</translation>
    </message>
    <message>
        <source>lr {lr:g}</source>
        <translation>학습률 {lr:g}</translation>
    </message>
    <message>
        <source>%p% ({epoch} / {epochs} epochs)</source>
        <translation>%p% ({epoch} / {epochs} 에포크)</translation>
    </message>
    <message>
        <source>run {run} of {runs}: %p% ({epoch} / {epochs} epochs)</source>
        <translation>실행 {run}/{runs}: %p% ({epoch} / {epochs} 에포크)</translation>
    </message>
    <message>
        <source>epoch {epoch}: %v / %m steps</source>
        <translation>에포크 {epoch}: %v / %m 스텝</translation>
    </message>
    <message>
        <source>{speed:.0f} images/s</source>
        <translation>{speed:.0f} 이미지/초</translation>
    </message>
    <message>
        <source>ETA {t}</source>
        <translation>남은 시간 {t}</translation>
    </message>
    <message>
        <source>lr {lr:.3g}</source>
        <translation>학습률 {lr:.3g}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Cancel queue</source>
        <translation>대기열 취소</translation>
    </message>
    <message>
        <source>The runs not yet started are dropped; the one training now finishes.</source>
        <translation>아직 시작하지 않은 실행은 취소되고, 지금 학습 중인 실행은 끝까지 진행됩니다.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>RunComparisonPlot</name>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Show training curves (dashed)</source>
        <translation>훈련 곡선 보기 (점선)</translation>
    </message>
    <message>
        <source>Add a history CSV…</source>
        <translation>학습 기록 CSV 추가…</translation>
    </message>
    <message>
        <source>Draw a training history from a CSV file (columns epoch, loss, acc, val_loss, val_acc), such as the course notebook&apos;s, beside the runs</source>
        <translation>에포크별 손실과 정확도가 담긴 CSV 파일(강의 노트북의 학습 기록 등)을 실행들 옆에 그립니다</translation>
    </message>
    <message>
        <source>Remove CSV curves</source>
        <translation>CSV 곡선 제거</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG 저장…</translation>
    </message>
    <message>
        <source>Save both plots and the legend as one image</source>
        <translation>두 그래프와 범례를 이미지 하나로 저장</translation>
    </message>
    <message>
        <source>No readable history: {names}</source>
        <translation>읽을 수 있는 기록 없음: {names}</translation>
    </message>
    <message>
        <source>{name} (train)</source>
        <translation>{name} (훈련)</translation>
    </message>
    <message>
        <source>{name}: {count} epochs drawn</source>
        <translation>{name}: 에포크 {count}개를 그렸습니다</translation>
    </message>
    <message>
        <source>Add a history CSV</source>
        <translation>학습 기록 CSV 추가</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{path} could not be saved: {reason}</source>
        <translation>{path}을(를) 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} 저장함</translation>
    </message>
    <message>
        <source>Save the figure</source>
        <translation>그림 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
</context>
<context>
    <name>RunLegend</name>
    <message>
        <source>{name}: curves from a CSV file</source>
        <translation>{name}: CSV 파일에서 읽은 곡선</translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Best val acc</source>
        <translation>최고 검증 정확도</translation>
    </message>
    <message>
        <source>Test acc</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Classify with it</source>
        <translation>이 모델로 분류</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>이어서 학습…</translation>
    </message>
    <message>
        <source>Export zip…</source>
        <translation>zip으로 내보내기…</translation>
    </message>
    <message>
        <source>Select several runs to overlay their curves.</source>
        <translation>여러 실행을 선택하면 곡선을 겹쳐 그립니다.</translation>
    </message>
    <message>
        <source>{optimizer} lr {lr}, batch {batch}</source>
        <translation>{optimizer} 학습률 {lr}, 배치 {batch}</translation>
    </message>
    <message>
        <source>{acc} (chance)</source>
        <translation>{acc} (우연 수준)</translation>
    </message>
    <message>
        <source>Delete this run and all its files? This cannot be undone.

{names}</source>
        <translation>이 실행과 그 파일을 모두 삭제할까요? 되돌릴 수 없습니다.

{names}</translation>
    </message>
    <message>
        <source>Delete {n} runs and all their files? This cannot be undone.

{names}</source>
        <translation>실행 {n}개와 그 파일을 모두 삭제할까요? 되돌릴 수 없습니다.

{names}</translation>
    </message>
    <message>
        <source>1 run deleted</source>
        <translation>실행 1개 삭제함</translation>
    </message>
    <message>
        <source>{n} runs deleted</source>
        <translation>실행 {n}개 삭제함</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>손상됨</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Could not rename: {error}</source>
        <translation>이름을 바꾸지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <source>{name} is training now</source>
        <translation>{name}은(는) 지금 학습 중입니다</translation>
    </message>
    <message>
        <source>Not deleted: {why}</source>
        <translation>삭제하지 않음: {why}</translation>
    </message>
    <message>
        <source>No file manager could open {path}</source>
        <translation>{path}을(를) 열 파일 관리자가 없습니다</translation>
    </message>
    <message>
        <source>Resume run</source>
        <translation>실행 이어서 학습</translation>
    </message>
    <message>
        <source>Train {name} for how many more epochs?</source>
        <translation>{name}을(를) 몇 에포크 더 학습할까요?</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>실행 내보내기</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 압축 파일 (*.zip)</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>{name} 내보내는 중…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>{path}(으)로 내보냄</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>내보내기 실패: {error}</translation>
    </message>
</context>
<context>
    <name>SettingLabels</name>
    <message>
        <source>plain</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>l2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>modern</source>
        <translation>최신</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>빠른 학습</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>정체 시 감소</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>CIFAR-10 on this machine ({path})</source>
        <translation>이 컴퓨터의 CIFAR-10 ({path})</translation>
    </message>
    <message>
        <source>CIFAR-10 on this machine (not found)</source>
        <translation>이 컴퓨터의 CIFAR-10 (찾지 못함)</translation>
    </message>
    <message>
        <source>Automatic (CIFAR-10 if found, else demo)</source>
        <translation>자동 (CIFAR-10이 있으면 CIFAR-10, 없으면 데모)</translation>
    </message>
    <message>
        <source>Built-in demo shapes</source>
        <translation>내장 데모 도형</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>압축 파일…</translation>
    </message>
    <message>
        <source>Choose a cifar-10-python.tar.gz file</source>
        <translation>cifar-10-python.tar.gz 파일 고르기</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Choose a cifar-10-batches-py folder or an image folder (ROOT/&lt;class&gt;/*.png)</source>
        <translation>cifar-10-batches-py 폴더나 이미지 폴더 (ROOT/&lt;클래스&gt;/*.png) 고르기</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>내려받기…</translation>
    </message>
    <message>
        <source>Download CIFAR-10 (needs internet access)</source>
        <translation>CIFAR-10 내려받기 (인터넷 연결 필요)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Choose the CIFAR-10 archive</source>
        <translation>CIFAR-10 압축 파일 고르기</translation>
    </message>
    <message>
        <source>CIFAR-10 archives (*.tar.gz *.tgz *.tar);;All files (*)</source>
        <translation>CIFAR-10 압축 파일 (*.tar.gz *.tgz *.tar);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Choose a data folder</source>
        <translation>데이터 폴더 고르기</translation>
    </message>
    <message>
        <source>Not used: {reason}</source>
        <translation>사용하지 않음: {reason}</translation>
    </message>
    <message>
        <source>All GPUs (MirroredStrategy)</source>
        <translation>모든 GPU (MirroredStrategy)</translation>
    </message>
    <message>
        <source>Enter a value.</source>
        <translation>값을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a whole number, not {text}.</source>
        <translation>{text} 대신 정수를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>{field}: {why}</source>
        <translation>{field}: {why}</translation>
    </message>
</context>
<context>
    <name>SweepFilter</name>
    <message>
        <source>List every run, or only the runs of one sweep</source>
        <translation>모든 실행 또는 한 스윕의 실행만 보기</translation>
    </message>
    <message>
        <source>All runs</source>
        <translation>모든 실행</translation>
    </message>
    <message>
        <source>Sweep {id}</source>
        <translation>스윕 {id}</translation>
    </message>
</context>
<context>
    <name>SweepPlots</name>
    <message>
        <source>Validation accuracy of each run</source>
        <translation>실행별 검증 정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>Best validation accuracy by setting</source>
        <translation>설정별 최고 검증 정확도</translation>
    </message>
    <message>
        <source>best validation accuracy</source>
        <translation>최고 검증 정확도</translation>
    </message>
    <message>
        <source>By setting</source>
        <translation>설정별</translation>
    </message>
    <message>
        <source>All settings</source>
        <translation>모든 설정</translation>
    </message>
    <message>
        <source>No readable history: {runs}</source>
        <translation>읽을 수 있는 기록이 없는 실행: {runs}</translation>
    </message>
    <message>
        <source>{setting} (log scale)</source>
        <translation>{setting} (로그 눈금)</translation>
    </message>
</context>
<context>
    <name>SweepQueuePanel</name>
    <message>
        <source>Pause queue</source>
        <translation>대기열 일시 정지</translation>
    </message>
    <message>
        <source>The run training now finishes; the next starts when you resume the queue.</source>
        <translation>지금 학습 중인 실행은 끝까지 진행되고, 다음 실행은 대기열을 재개하면 시작됩니다.</translation>
    </message>
    <message>
        <source>Add runs</source>
        <translation>실행 추가</translation>
    </message>
    <message>
        <source>Add the combinations now in the settings to this sweep&apos;s queue.</source>
        <translation>지금 설정에 있는 조합을 이 스윕의 대기열에 추가합니다.</translation>
    </message>
    <message>
        <source>The queue could not be saved ({error}): the runs left will not survive closing the window.</source>
        <translation>대기열을 저장하지 못했습니다 ({error}). 창을 닫으면 남은 실행은 사라집니다.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>{sweep}: paused, 1 run left</source>
        <translation>{sweep}: 일시 정지, 남은 실행 1개</translation>
    </message>
    <message>
        <source>{sweep}: paused, {n} runs left</source>
        <translation>{sweep}: 일시 정지, 남은 실행 {n}개</translation>
    </message>
    <message>
        <source>{sweep}: the last run is training</source>
        <translation>{sweep}: 마지막 실행을 학습하는 중</translation>
    </message>
    <message>
        <source>{sweep}: ended, {done} of {total} runs completed</source>
        <translation>{sweep}: 끝남, 실행 {total}개 중 {done}개 완료</translation>
    </message>
    <message>
        <source>{sweep}: 1 run left</source>
        <translation>{sweep}: 남은 실행 1개</translation>
    </message>
    <message>
        <source>{sweep}: {n} runs left</source>
        <translation>{sweep}: 남은 실행 {n}개</translation>
    </message>
    <message>
        <source>Resume queue</source>
        <translation>대기열 재개</translation>
    </message>
</context>
<context>
    <name>SweepSettingsPanel</name>
    <message>
        <source>Several values sweep: 1e-3, 3e-4</source>
        <translation>여러 값을 넣으면 스윕: 1e-3, 3e-4</translation>
    </message>
    <message>
        <source>Sweep (one run per combination)</source>
        <translation>스윕 (조합마다 실행 하나)</translation>
    </message>
    <message>
        <source>Type several values in a field (learning rate 1e-3, 3e-4) or tick several choices below.</source>
        <translation>입력란에 여러 값을 넣거나 (학습률 1e-3, 3e-4) 아래에서 여러 항목을 체크하세요.</translation>
    </message>
    <message>
        <source>Random search: draw</source>
        <translation>무작위 탐색: 조합</translation>
    </message>
    <message>
        <source>Draw N combinations at random from the lists and ranges (low..high; rates log-uniform)</source>
        <translation>목록과 범위(최소..최대, 비율은 로그 균등)에서 조합 N개를 무작위로 뽑습니다</translation>
    </message>
    <message>
        <source> runs</source>
        <translation>개 실행</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>시드 </translation>
    </message>
    <message>
        <source>One run (no setting has several values).</source>
        <translation>실행 하나 (여러 값을 가진 설정 없음).</translation>
    </message>
    <message>
        <source>{n} runs:</source>
        <translation>실행 {n}개:</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>색 기준</translation>
    </message>
    <message>
        <source>No sweep yet: type several values in a setting (1e-3, 3e-4) and press Start.</source>
        <translation>아직 스윕이 없습니다. 설정에 여러 값을 넣고 (1e-3, 3e-4) &quot;시작&quot;을 누르세요.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Best val acc</source>
        <translation>최고 검증 정확도</translation>
    </message>
    <message>
        <source>Test acc</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>The best validation accuracy of this sweep</source>
        <translation>이 스윕의 최고 검증 정확도</translation>
    </message>
    <message>
        <source>Export the sweep table</source>
        <translation>스윕 표 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓰지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Table written to {path}</source>
        <translation>표를 {path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>SweepWindowMixin</name>
    <message>
        <source>Start {n} runs</source>
        <translation>실행 {n}개 시작</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>The sweep cannot start: {error}</source>
        <translation>스윕을 시작할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Sweep {sweep} finished: {n} runs</source>
        <translation>스윕 {sweep} 완료: 실행 {n}개</translation>
    </message>
    <message>
        <source>Sweep {sweep} ended: {done} of {n} runs completed</source>
        <translation>스윕 {sweep} 끝남: 실행 {n}개 중 {done}개 완료</translation>
    </message>
    <message>
        <source>No runs were added: {error}</source>
        <translation>실행을 추가하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>1 run added to the queue</source>
        <translation>실행 1개를 대기열에 추가함</translation>
    </message>
    <message>
        <source>{n} runs added to the queue</source>
        <translation>실행 {n}개를 대기열에 추가함</translation>
    </message>
    <message>
        <source>Unfinished sweep</source>
        <translation>끝나지 않은 스윕</translation>
    </message>
    <message>
        <source>The sweep {sweep} has {left} of its {total} runs still to train (the window was closed or the computer stopped before they ran).

Continue it?</source>
        <translation>스윕 {sweep}에 아직 학습하지 않은 실행이 {total}개 중 {left}개 남아 있습니다 (실행 전에 창을 닫았거나 컴퓨터가 멈춤).

이어서 진행할까요?</translation>
    </message>
    <message>
        <source>Continue sweep</source>
        <translation>스윕 계속</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>The sweep cannot continue: {error}</source>
        <translation>스윕을 계속할 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>train (running, per batch)</source>
        <translation>훈련 (배치별 이동 평균)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Smoothing of the per-batch line (0: none)</source>
        <translation>배치별 곡선 평활화 (0: 없음)</translation>
    </message>
    <message>
        <source>Log scale for loss</source>
        <translation>손실 로그 눈금</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG 저장…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV 저장…</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>평활화</translation>
    </message>
    <message>
        <source>Best epoch {epoch}: validation accuracy {acc:.4f}, loss {loss:.4f}</source>
        <translation>최고 에포크 {epoch}: 검증 정확도 {acc:.4f}, 손실 {loss:.4f}</translation>
    </message>
    <message>
        <source>Save the figure</source>
        <translation>그림 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Save the data</source>
        <translation>데이터 저장</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>{path} could not be saved: {reason}</source>
        <translation>{path}을(를) 저장하지 못했습니다: {reason}</translation>
    </message>
</context>
</TS>
