<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>&amp;Display name</source>
            <translation>姓名(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>角色(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>用户名(&amp;U)</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>添加账户</translation>
        </message>
        <message>
            <source>At least %1 characters. Give the password to the new user in person; they can change it under Settings → Accounts after logging in.</source>
            <translation>至少 %1 个字符。请当面把密码告诉新用户，登录后可在“设置 → 账户”中更改。</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>请填写此项。</translation>
        </message>
        <message>
            <source>R&amp;epeat password</source>
            <translation>确认密码(&amp;E)</translation>
        </message>
        <message>
            <source>The name shown in records, e.g. 林春梅</source>
            <translation>在记录中显示的姓名，例如：林春梅</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>AccountsView</name>
        <message>
            <source>%1 needs a new password from the administrator.</source>
            <translation>%1 需要由管理员重设密码后才能登录。</translation>
        </message>
        <message>
            <source>&amp;Add account…</source>
            <translation>添加账户(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Change my password…</source>
            <translation>更改我的密码(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Disable</source>
            <translation>停用(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Enable…</source>
            <translation>启用(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Reset password…</source>
            <translation>重置密码(&amp;R)…</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>账户</translation>
        </message>
        <message>
            <source>Accounts of this register</source>
            <translation>本数据库的账户</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Each account has its own key to the encrypted register. A disabled account's password no longer opens it; enabling it again needs a new password. Accounts are never deleted, so old records keep their author.</source>
            <translation>每个账户都有自己打开加密数据库的密钥。账户停用后，它的密码就打不开数据库了；重新启用时需要设置新密码。账户不会被删除，以前的记录仍保留原来的记录人。</translation>
        </message>
        <message>
            <source>My account</source>
            <translation>我的账户</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Only the administrator adds accounts, resets forgotten passwords and disables accounts.</source>
            <translation>只有管理员可以添加账户、重置忘记的密码和停用账户。</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>The account %1 is disabled: its password no longer opens the register.</source>
            <translation>账户 %1 已停用，它的密码不能再打开数据库。</translation>
        </message>
        <message>
            <source>The account %1 is enabled again with its new password.</source>
            <translation>账户 %1 已重新启用，请使用新密码登录。</translation>
        </message>
        <message>
            <source>The account %1 was added.</source>
            <translation>已添加账户 %1。</translation>
        </message>
        <message>
            <source>The old recovery key no longer works. New recovery key (print it for the director's safe): %1</source>
            <translation>旧的恢复密钥已作废。新的恢复密钥（请打印后交调委会主任保管）：%1</translation>
        </message>
        <message>
            <source>The password of %1 was reset.</source>
            <translation>已重置 %1 的密码。</translation>
        </message>
        <message>
            <source>The register has a new key: old copies of its key file no longer open it.</source>
            <translation>数据库已更换密钥：旧的密钥文件副本从此打不开它。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Your password was changed. Use the new one from now on.</source>
            <translation>密码已更改，以后请使用新密码。</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;New case…</source>
            <translation>新建案件(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>搜索(&amp;S)</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>案件</translation>
        </message>
        <message>
            <source>Close case tab</source>
            <translation>关闭案件标签页</translation>
        </message>
        <message>
            <source>E&amp;xit</source>
            <translation>退出(&amp;X)</translation>
        </message>
        <message>
            <source>Exc&amp;hange…</source>
            <translation>同步(&amp;H)…</translation>
        </message>
        <message>
            <source>Exchange data with the patrol laptops or the room's desk on a USB stick (Ctrl+E)</source>
            <translation>用U盘与巡查笔记本或调解室主机交换数据（Ctrl+E）</translation>
        </message>
        <message>
            <source>Patrols</source>
            <translation>排查</translation>
        </message>
        <message>
            <source>Print a document of the open case (Ctrl+P)</source>
            <translation>打印当前案件的文书（Ctrl+P）</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;F)</translation>
        </message>
        <message>
            <source>Register a new dispute (Ctrl+N)</source>
            <translation>登记一起新纠纷（Ctrl+N）</translation>
        </message>
        <message>
            <source>Search cases, parties and records (Ctrl+F)</source>
            <translation>搜索案件、当事人和记录（Ctrl+F）</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>工作台</translation>
        </message>
        <message>
            <source>Visitor requests: receive, assess, assign, answer (Ctrl+4)</source>
            <translation>接访：登记、研判、督办、反馈（Ctrl+4）</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>接访</translation>
        </message>
    </context>
    <context>
        <name>AgreementDialog</name>
        <message>
            <source>&amp;Add term</source>
            <translation>添加条款(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Remove term</source>
            <translation>删除条款(&amp;R)</translation>
        </message>
        <message>
            <source>A court may refuse to confirm unclear terms. Please check:</source>
            <translation>条款内容不明确的，法院可能不予司法确认。请核对：</translation>
        </message>
        <message>
            <source>A term whose wording is kept keeps the performance recorded at follow-up visits; a reworded term starts again as a new term.</source>
            <translation>内容未改动的条款保留回访时记录的履行情况；内容改动过的条款按新条款重新记录履行情况。</translation>
        </message>
        <message>
            <source>A written agreement needs at least one term.</source>
            <translation>书面协议至少要有一项条款。</translation>
        </message>
        <message>
            <source>Agreed terms</source>
            <translation>协议条款</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Confirms ownership</source>
            <translation>涉及物权、知识产权确权</translation>
        </message>
        <message>
            <source>Court limits</source>
            <translation>司法确认</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>履行期限</translation>
        </message>
        <message>
            <source>Edit agreement — %1</source>
            <translation>修改调解协议 — %1</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>协议形式</translation>
        </message>
        <message>
            <source>In capitals</source>
            <translation>大写</translation>
        </message>
        <message>
            <source>Main facts</source>
            <translation>主要事实</translation>
        </message>
        <message>
            <source>Marriage validity, parentage, adoption…: no court confirms such an agreement. Support payments and division of property are confirmed.</source>
            <translation>确认婚姻效力、亲子关系、收养等身份关系的协议，法院不予司法确认；赡养费、抚养费和财产分割协议可以确认。</translation>
        </message>
        <message>
            <source>Matters in dispute</source>
            <translation>争议事项</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>履行方式</translation>
        </message>
        <message>
            <source>Obligee</source>
            <translation>权利人</translation>
        </message>
        <message>
            <source>Obligor</source>
            <translation>义务人</translation>
        </message>
        <message>
            <source>Obligor *</source>
            <translation>义务人*</translation>
        </message>
        <message>
            <source>Oral agreement</source>
            <translation>口头协议</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>履行地点</translation>
        </message>
        <message>
            <source>Reached on</source>
            <translation>达成日期</translation>
        </message>
        <message>
            <source>Record agreement — %1</source>
            <translation>录入调解协议 — %1</translation>
        </message>
        <message>
            <source>Responsibilities</source>
            <translation>各方责任</translation>
        </message>
        <message>
            <source>Settles an identity relation</source>
            <translation>涉及身份关系</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>条款内容</translation>
        </message>
        <message>
            <source>Term %1:</source>
            <translation>第%1条：</translation>
        </message>
        <message>
            <source>Term *</source>
            <translation>条款内容*</translation>
        </message>
        <message>
            <source>The terms mention words of this kind; tick “%1” only if the agreement itself settles it.</source>
            <translation>条款中出现了相关字词；只有协议本身处理这类事项时，才勾选“%1”。</translation>
        </message>
        <message>
            <source>This agreement has been printed %1 time(s). After correcting it, print it again and have every party sign again.</source>
            <translation>本协议已打印过%1次。修改后请重新打印，并由各方当事人重新签名。</translation>
        </message>
        <message>
            <source>What is to be done</source>
            <translation>应履行的内容</translation>
        </message>
        <message>
            <source>Who owns a house, land, forest or intellectual property: no court confirms such an agreement.</source>
            <translation>确认房屋、土地、山林或知识产权归属的协议，法院不予司法确认。</translation>
        </message>
        <message>
            <source>Written agreement</source>
            <translation>书面协议</translation>
        </message>
        <message>
            <source>cash, transfer…</source>
            <translation>现金、转账…</translation>
        </message>
        <message>
            <source>choose the party who must do it.</source>
            <translation>请选择义务人。</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>write what is to be done.</source>
            <translation>请写明履行内容。</translation>
        </message>
    </context>
    <context>
        <name>AnswerDialog</name>
        <message>
            <source>&amp;Answer *</source>
            <translation>答复内容(&amp;A)*</translation>
        </message>
        <message>
            <source>&amp;Decision</source>
            <translation>处理意见(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Facts and reasons</source>
            <translation>事实和理由(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;How *</source>
            <translation>答复方式(&amp;H)*</translation>
        </message>
        <message>
            <source>&amp;Legal basis</source>
            <translation>法律政策依据(&amp;L)</translation>
        </message>
        <message>
            <source>(no written decision)</source>
            <translation>（无书面处理意见）</translation>
        </message>
        <message>
            <source>Answer the person — %1</source>
            <translation>答复来访人 — %1</translation>
        </message>
        <message>
            <source>By &amp;whom</source>
            <translation>答复人(&amp;W)</translation>
        </message>
        <message>
            <source>Whe&amp;n</source>
            <translation>答复日期(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Already running</source>
            <translation>程序已在运行</translation>
        </message>
        <message>
            <source>An internal error occurred. What you saved is safe; unsaved typing is kept as a draft. Details were written to %1</source>
            <translation>程序内部出错。已保存的内容不受影响，未保存的输入已存为草稿。详细情况已写入 %1</translation>
        </message>
        <message>
            <source>Creating demo data…</source>
            <translation>正在生成演示数据…</translation>
        </message>
        <message>
            <source>Program error</source>
            <translation>程序出错</translation>
        </message>
        <message>
            <source>Register unavailable</source>
            <translation>数据库无法使用</translation>
        </message>
        <message>
            <source>The demo data was incomplete; creating it again…</source>
            <translation>演示数据不完整，正在重新生成…</translation>
        </message>
        <message>
            <source>This register is already open in another window (process %1).</source>
            <translation>该数据库已在另一个窗口中打开（进程 %1）。</translation>
        </message>
    </context>
    <context>
        <name>AppointmentDialog</name>
        <message>
            <source>&amp;About</source>
            <translation>事由(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Name *</source>
            <translation>姓名(&amp;N)*</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>联系电话(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Slot *</source>
            <translation>预约时段(&amp;S)*</translation>
        </message>
        <message>
            <source>Book an appointment</source>
            <translation>预约接访</translation>
        </message>
    </context>
    <context>
        <name>ArticlesDialog</name>
        <message>
            <source> (retired)</source>
            <translation>（已停用）</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>条文序号</translation>
        </message>
        <message>
            <source>Article library</source>
            <translation>法条库</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>法条</translation>
        </message>
        <message>
            <source>Bring back</source>
            <translation>重新启用</translation>
        </message>
        <message>
            <source>Law</source>
            <translation>法律名称</translation>
        </message>
        <message>
            <source>New article</source>
            <translation>新增法条</translation>
        </message>
        <message>
            <source>Only the committee director or an administrator may change the library.</source>
            <translation>只有调委会主任或管理员可以修改法条库。</translation>
        </message>
        <message>
            <source>Retire</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>条文内容</translation>
        </message>
        <message>
            <source>Used for</source>
            <translation>适用类别</translation>
        </message>
    </context>
    <context>
        <name>AssessDialog</name>
        <message>
            <source> (risk)</source>
            <translation>色风险</translation>
        </message>
        <message>
            <source>&amp;Route *</source>
            <translation>处理方式(&amp;R)*</translation>
        </message>
        <message>
            <source>Assess %1</source>
            <translation>研判 %1</translation>
        </message>
        <message>
            <source>R&amp;easoning *</source>
            <translation>研判意见(&amp;E)*</translation>
        </message>
        <message>
            <source>Register the case now</source>
            <translation>立即登记为调解案件</translation>
        </message>
        <message>
            <source>Ris&amp;k level</source>
            <translation>风险等级(&amp;K)</translation>
        </message>
        <message>
            <source>not rated</source>
            <translation>未评定</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <source>&amp;Department *</source>
            <translation>承办部门(&amp;D)*</translation>
        </message>
        <message>
            <source>&amp;Responsible</source>
            <translation>负责人(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Task</source>
            <translation>交办事项(&amp;T)</translation>
        </message>
        <message>
            <source>Assign %1</source>
            <translation>交办督办 %1</translation>
        </message>
        <message>
            <source>D&amp;ue by *</source>
            <translation>办理期限(&amp;U)*</translation>
        </message>
        <message>
            <source>The rule: %1 days from the day it was received (%2).</source>
            <translation>依规定：自来访之日（%2）起%1日。</translation>
        </message>
        <message>
            <source>What is &amp;asked</source>
            <translation>督办要求(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>AttachDialog</name>
        <message>
            <source>Add files to the case</source>
            <translation>添加附件</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>File to</source>
            <translation>归入</translation>
        </message>
        <message>
            <source>Files are stored encrypted in the register; each may be at most %1 MB.</source>
            <translation>附件加密保存在数据库中；每个文件不超过 %1 MB。</translation>
        </message>
        <message>
            <source>Give the file a title.</source>
            <translation>请填写文件标题。</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Kind of %1</source>
            <translation>%1 的类型</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Title of %1</source>
            <translation>%1 的标题</translation>
        </message>
    </context>
    <context>
        <name>AttachmentPreview</name>
        <message>
            <source>Choose a file to see it here.</source>
            <translation>选择一个文件，在这里查看。</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>正在打开…</translation>
        </message>
        <message>
            <source>PDF pages</source>
            <translation>PDF 页面</translation>
        </message>
        <message>
            <source>Picture</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>This kind of file cannot be shown here. Save a copy and open it in its own program (Word, Excel, a media player …).</source>
            <translation>这类文件不能在这里查看。请另存一份，再用相应的程序（Word、Excel、播放器等）打开。</translation>
        </message>
    </context>
    <context>
        <name>Attachments</name>
        <message>
            <source>Choose files to add</source>
            <translation>选择要添加的文件</translation>
        </message>
        <message>
            <source>Scans, photos and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.heic *.doc *.docx *.xls *.xlsx *.wps *.txt);;All files (*)</source>
            <translation>扫描件、照片和文档 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.heic *.doc *.docx *.xls *.xlsx *.wps *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Storing files…</source>
            <translation>正在保存附件…</translation>
        </message>
    </context>
    <context>
        <name>BackupsView</name>
        <message>
            <source> copies</source>
            <translation> 份</translation>
        </message>
        <message>
            <source> minutes</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;W)…</translation>
        </message>
        <message>
            <source>&amp;Lock after no input for</source>
            <translation>无操作自动锁定(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Automatic backups and lock</source>
            <translation>自动备份与自动锁定</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>已备份到 %1</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <source>Backup &amp;folder</source>
            <translation>备份文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>备份文件夹</translation>
        </message>
        <message>
            <source>Backups in the folder</source>
            <translation>文件夹中的备份</translation>
        </message>
        <message>
            <source>Daily backups &amp;kept</source>
            <translation>每日备份保留(&amp;K)</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Made at</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>No backups in %1 yet.</source>
            <translation>%1 中还没有备份。</translation>
        </message>
        <message>
            <source>Nothing was restored: %1</source>
            <translation>未恢复任何内容：%1</translation>
        </message>
        <message>
            <source>Only the director or administrator can change these settings, back up or restore a backup.</source>
            <translation>只有调委会主任或管理员可以修改这些设置、立即备份或从备份恢复。</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;E)</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在恢复备份…</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>设置已保存。</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>The backup failed: %1</source>
            <translation>备份失败：%1</translation>
        </message>
        <message>
            <source>The backup was restored to %1. The register it replaced was kept as %2. The program will now close: start it again and log in.</source>
            <translation>备份已恢复到 %1。被替换的数据库已保留为 %2。程序现在将关闭，请重新启动并登录。</translation>
        </message>
        <message>
            <source>The folder cannot be read: %1</source>
            <translation>无法读取该文件夹：%1</translation>
        </message>
        <message>
            <source>The password does not open this backup.</source>
            <translation>这个密码打不开该备份。</translation>
        </message>
        <message>
            <source>The restore did not finish: %1. The previous register was kept beside %2 (its name ends in “.replaced-” and the time). The program will now close: start it again.</source>
            <translation>恢复没有完成：%1。原来的数据库已保留在 %2 旁边（文件名末尾是“.replaced-”加时间）。程序现在将关闭，请重新启动。</translation>
        </message>
        <message>
            <source>While the program runs it makes one backup a day into this folder (a USB stick kept apart from the computer is best) and removes the oldest beyond the number kept. Backups made with “Back up now” are never removed. The screen locks after the given time without keyboard or mouse input (Ctrl+L locks at once).</source>
            <translation>程序运行时，每天自动备份一次到这个文件夹（最好用一个不和电脑放在一起的U盘），超过保留份数时删除最早的备份。用“立即备份”做的备份不会被删除。键盘和鼠标超过设定时间没有操作，屏幕会自动锁定（按 Ctrl+L 可立即锁定）。</translation>
        </message>
    </context>
    <context>
        <name>BriefDialog</name>
        <message numerus="yes">
            <source>%n thing(s) still identify a party: remove them before saving.</source>
            <translation>
                <numerusform>仍有%n处可识别当事人的信息，删除后才能保存。</numerusform>
            </translation>
        </message>
        <message>
            <source>A first draft, anonymised: read every section and edit before saving.</source>
            <translation>这是自动脱敏的初稿：请逐节审阅修改后再保存。</translation>
        </message>
        <message>
            <source>Article library…</source>
            <translation>法条库…</translation>
        </message>
        <message>
            <source>Articles quoted</source>
            <translation>引用的法条</translation>
        </message>
        <message>
            <source>Case brief for teaching the law — review and edit</source>
            <translation>以案释法 — 审阅与修改</translation>
        </message>
        <message>
            <source>Check for personal data</source>
            <translation>个人信息检查</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Draft again</source>
            <translation>重新生成初稿</translation>
        </message>
        <message>
            <source>Drafted again from the case.</source>
            <translation>已根据案件重新生成初稿。</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>法律依据</translation>
        </message>
        <message>
            <source>No personal data found.</source>
            <translation>未发现当事人个人信息。</translation>
        </message>
        <message>
            <source>Personal data still in the text</source>
            <translation>文中仍有的个人信息</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Quote the ticked articles</source>
            <translation>引用所勾选的法条</translation>
        </message>
        <message>
            <source>Save as Word</source>
            <translation>导出Word</translation>
        </message>
        <message>
            <source>Save as Word…</source>
            <translation>导出Word…</translation>
        </message>
        <message>
            <source>Save with the case</source>
            <translation>保存到本案</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>已保存到 %1</translation>
        </message>
        <message>
            <source>Saved with the case.</source>
            <translation>已保存到本案。</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <source>Write villages as 某村</source>
            <translation>村名写作“某村”</translation>
        </message>
    </context>
    <context>
        <name>CaseDialog</name>
        <message>
            <source>The register could not be written: %1 Nothing you typed has been lost; try again when the problem is solved.</source>
            <translation>无法保存到数据库：%1。您填写的内容都还在，问题解决后请再试一次。</translation>
        </message>
    </context>
    <context>
        <name>CaseEditDialog</name>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Amount involved</source>
            <translation>涉及金额</translation>
        </message>
        <message>
            <source>Case title *</source>
            <translation>案件名称 *</translation>
        </message>
        <message>
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Edit case details</source>
            <translation>修改案件信息</translation>
        </message>
        <message>
            <source>Every change is kept in the case history with its value before and after.</source>
            <translation>每一处修改都会连同修改前后的内容记入操作记录。</translation>
        </message>
        <message>
            <source>Facts</source>
            <translation>纠纷简要情况</translation>
        </message>
        <message>
            <source>Group dispute</source>
            <translation>群体性纠纷</translation>
        </message>
        <message>
            <source>People involved</source>
            <translation>涉及人数</translation>
        </message>
        <message>
            <source>Residential compound</source>
            <translation>小区</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>风险等级</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>案件来源</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Yes, five or more people on one side</source>
            <translation>是（一方人数在五人以上）</translation>
        </message>
        <message>
            <source>yuan, e.g. 12000</source>
            <translation>单位：元，例如 12000</translation>
        </message>
    </context>
    <context>
        <name>CaseFactsDialog</name>
        <message>
            <source> people</source>
            <translation> 人</translation>
        </message>
        <message>
            <source> — people</source>
            <translation>——人数</translation>
        </message>
        <message>
            <source>Court</source>
            <translation>受理法院</translation>
        </message>
        <message>
            <source>Group dispute (five people or more)</source>
            <translation>群体性纠纷（五人以上）</translation>
        </message>
        <message>
            <source>Group dispute and prevention</source>
            <translation>群体性纠纷与预防</translation>
        </message>
        <message>
            <source>Judicial confirmation</source>
            <translation>司法确认</translation>
        </message>
        <message>
            <source>Prevented a criminal case</source>
            <translation>防止民间纠纷转化为刑事案件</translation>
        </message>
        <message>
            <source>Prevented a group fight</source>
            <translation>防止群体性械斗</translation>
        </message>
        <message>
            <source>Prevented a group petition</source>
            <translation>防止群体性上访</translation>
        </message>
        <message>
            <source>Prevented a suicide</source>
            <translation>防止民间纠纷引起自杀</translation>
        </message>
        <message>
            <source>Report facts of the case</source>
            <translation>统计事项</translation>
        </message>
        <message>
            <source>Ruled on</source>
            <translation>裁定日期</translation>
        </message>
        <message>
            <source>Ruling</source>
            <translation>裁定结果</translation>
        </message>
        <message>
            <source>The case has no agreement to confirm.</source>
            <translation>本案没有调解协议，无需司法确认。</translation>
        </message>
        <message>
            <source>The parties applied</source>
            <translation>当事人已申请司法确认，申请日期</translation>
        </message>
    </context>
    <context>
        <name>CaseFields</name>
        <message>
            <source>&amp;Amount involved (yuan)</source>
            <translation>涉及金额（元）(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Source</source>
            <translation>案件来源(&amp;S)</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>蓝</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案件信息</translation>
        </message>
        <message>
            <source>Dispute &amp;type</source>
            <translation>纠纷类型(&amp;T)</translation>
        </message>
        <message>
            <source>Lead mediato&amp;r</source>
            <translation>主持调解员(&amp;R)</translation>
        </message>
        <message>
            <source>Normal procedure</source>
            <translation>一般程序</translation>
        </message>
        <message>
            <source>One request per line</source>
            <translation>每行写一项请求</translation>
        </message>
        <message>
            <source>Orange</source>
            <translation>橙</translation>
        </message>
        <message>
            <source>Peopl&amp;e involved</source>
            <translation>涉及人数(&amp;E)</translation>
        </message>
        <message>
            <source>Pr&amp;ocedure</source>
            <translation>适用程序(&amp;O)</translation>
        </message>
        <message>
            <source>Re&amp;quests</source>
            <translation>申请事项(&amp;Q)</translation>
        </message>
        <message>
            <source>Recei&amp;ved on</source>
            <translation>受理日期(&amp;V)</translation>
        </message>
        <message>
            <source>Red</source>
            <translation>红</translation>
        </message>
        <message>
            <source>Ris&amp;k level</source>
            <translation>风险等级(&amp;K)</translation>
        </message>
        <message>
            <source>Role of the second mediator</source>
            <translation>第二调解员的分工</translation>
        </message>
        <message>
            <source>Se&amp;cond mediator</source>
            <translation>第二调解员(&amp;C)</translation>
        </message>
        <message>
            <source>Simple procedure</source>
            <translation>简易程序</translation>
        </message>
        <message>
            <source>Su&amp;mmary of facts</source>
            <translation>简要案情(&amp;M)</translation>
        </message>
        <message>
            <source>Vi&amp;llage</source>
            <translation>村（社区）(&amp;L)</translation>
        </message>
        <message>
            <source>Who, where, what happened, what is disputed</source>
            <translation>写明当事人、地点、经过和争议焦点</translation>
        </message>
        <message>
            <source>Yellow</source>
            <translation>黄</translation>
        </message>
        <message>
            <source>e.g. 12000 or 1,200.50</source>
            <translation>例如 12000 或 1,200.50</translation>
        </message>
        <message>
            <source>“{village}” is not in the village list yet; it will be added when the case is registered.</source>
            <translation>“{village}”不在列表中，登记时自动添加</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>%1 yuan (%2)</source>
            <translation>%1 元（%2）</translation>
        </message>
        <message>
            <source>%1, reached on %2, effective from %3.</source>
            <translation>%1，%2 达成，%3 起生效。</translation>
        </message>
        <message>
            <source>%1. The case is now “%2”.</source>
            <translation>%1。案件当前状态：“%2”。</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>还剩 %n 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>已超期 %n 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s), with the parties' consent</source>
            <translation>
                <numerusform>%n 天（经当事人同意）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) added to the case.</source>
            <translation>
                <numerusform>已添加 %n 个附件。</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>修改(&amp;E)…</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Add &amp;files…</source>
            <translation>添加文件(&amp;F)…</translation>
        </message>
        <message>
            <source>Add investigation record…</source>
            <translation>添加调查记录…</translation>
        </message>
        <message>
            <source>Add party…</source>
            <translation>添加当事人…</translation>
        </message>
        <message>
            <source>Add private note…</source>
            <translation>添加工作笔记…</translation>
        </message>
        <message>
            <source>Add record…</source>
            <translation>添加记录…</translation>
        </message>
        <message>
            <source>Add session record…</source>
            <translation>添加调解记录…</translation>
        </message>
        <message>
            <source>Added by</source>
            <translation>添加人</translation>
        </message>
        <message>
            <source>Added on</source>
            <translation>添加时间</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>After</source>
            <translation>修改后</translation>
        </message>
        <message>
            <source>Agent / representative</source>
            <translation>代理人/法定代表人</translation>
        </message>
        <message>
            <source>Agreed terms</source>
            <translation>协议条款</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>协议</translation>
        </message>
        <message>
            <source>Agreement corrected</source>
            <translation>已修改调解协议</translation>
        </message>
        <message>
            <source>Agreement recorded</source>
            <translation>已录入调解协议</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Amount involved</source>
            <translation>涉及金额</translation>
        </message>
        <message>
            <source>An anonymised account of the case for teaching the law</source>
            <translation>把本案写成脱敏的以案释法材料</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>Attach file…</source>
            <translation>附加文件…</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>修改前</translation>
        </message>
        <message>
            <source>Before and after</source>
            <translation>修改前后</translation>
        </message>
        <message>
            <source>Beginning</source>
            <translation>内容摘要</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>Cancelled: nothing was stored.</source>
            <translation>已取消，没有保存任何文件。</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案件信息</translation>
        </message>
        <message>
            <source>Case archived</source>
            <translation>已归档</translation>
        </message>
        <message>
            <source>Case brief saved with the case.</source>
            <translation>以案释法材料已保存到本案。</translation>
        </message>
        <message>
            <source>Case brief…</source>
            <translation>以案释法…</translation>
        </message>
        <message>
            <source>Case closed</source>
            <translation>已结案</translation>
        </message>
        <message>
            <source>Case details saved: %1</source>
            <translation>案件信息已保存：%1</translation>
        </message>
        <message>
            <source>Case history</source>
            <translation>操作记录</translation>
        </message>
        <message>
            <source>Check before the parties sign — a court may refuse to confirm this agreement:</source>
            <translation>请在当事人签字前核对——法院可能对本协议不予司法确认：</translation>
        </message>
        <message>
            <source>Check this imported case</source>
            <translation>核对这件导入案件</translation>
        </message>
        <message>
            <source>Check…</source>
            <translation>核对…</translation>
        </message>
        <message>
            <source>Choose a line to see the values before and after in full.</source>
            <translation>选择一行，查看修改前后的完整内容。</translation>
        </message>
        <message>
            <source>Close case</source>
            <translation>结案</translation>
        </message>
        <message>
            <source>Close case…</source>
            <translation>结案…</translation>
        </message>
        <message>
            <source>Correct or complete the selected party's details</source>
            <translation>更正或补全所选当事人的信息</translation>
        </message>
        <message>
            <source>Correct the facts, matters in dispute, responsibilities or terms before the parties sign</source>
            <translation>在当事人签名前更正纠纷事实、争议事项、各方责任或协议条款</translation>
        </message>
        <message>
            <source>Correct the title, facts, village, type, source, risk, amount or people involved</source>
            <translation>更正案件名称、简要情况、村（社区）、纠纷类型、来源、风险等级、涉及金额或人数</translation>
        </message>
        <message>
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>回访日期</translation>
        </message>
        <message>
            <source>Drag scans, photos or documents here, or use “Add files…”.</source>
            <translation>可把扫描件、照片或文档拖到这里，或点“添加文件…”。</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>计划日期</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>履行期限</translation>
        </message>
        <message>
            <source>Edit &amp;details…</source>
            <translation>修改案件信息(&amp;D)…</translation>
        </message>
        <message>
            <source>Edit a&amp;greement…</source>
            <translation>修改协议(&amp;G)…</translation>
        </message>
        <message>
            <source>Extend time limit…</source>
            <translation>延长调解期限…</translation>
        </message>
        <message>
            <source>Extended</source>
            <translation>已延长</translation>
        </message>
        <message>
            <source>Facts</source>
            <translation>简要案情</translation>
        </message>
        <message>
            <source>Facts, matters and responsibilities</source>
            <translation>事实、争议事项和各方责任</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>File a receipt or a photo to the chosen visit</source>
            <translation>把收条或照片归入选中的回访</translation>
        </message>
        <message>
            <source>File photos or a scan to the chosen record</source>
            <translation>把照片或扫描件归入选中的记录</translation>
        </message>
        <message>
            <source>File the &amp;signed scan…</source>
            <translation>归档签字协议扫描件(&amp;S)…</translation>
        </message>
        <message>
            <source>Filed to</source>
            <translation>归属</translation>
        </message>
        <message>
            <source>Follow-up scheduled</source>
            <translation>已安排回访</translation>
        </message>
        <message>
            <source>Follow-up visit recorded</source>
            <translation>已记录回访</translation>
        </message>
        <message>
            <source>Follow-up visits</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Follow-up visits check how an agreement is performed; this case has no agreement yet.</source>
            <translation>回访是为了了解调解协议的履行情况；本案还没有调解协议。</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Group dispute, prevention, judicial confirmation</source>
            <translation>群体性纠纷、预防情况、司法确认</translation>
        </message>
        <message>
            <source>Hide ID and phone</source>
            <translation>隐藏号码</translation>
        </message>
        <message>
            <source>History</source>
            <translation>操作记录</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>ID numbers and phones are masked. Showing them in full is recorded in the case history.</source>
            <translation>证件号码和电话已部分隐藏。查看完整号码会记入本案的操作记录。</translation>
        </message>
        <message>
            <source>Imported case checked.</source>
            <translation>导入案件已核对。</translation>
        </message>
        <message>
            <source>Imported, to be checked (no time limit counted until then):</source>
            <translation>导入待核对（核对前不计调解期限）：</translation>
        </message>
        <message>
            <source>In capitals</source>
            <translation>大写</translation>
        </message>
        <message>
            <source>Investigation record added</source>
            <translation>已添加调查记录</translation>
        </message>
        <message>
            <source>Judicial confirmation: both parties may apply to the court together until %1</source>
            <translation>司法确认：双方当事人可共同向人民法院申请，截止日期 %1</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Main facts</source>
            <translation>主要事实</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Mark as held</source>
            <translation>标为已进行</translation>
        </message>
        <message>
            <source>Marks</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Matters in dispute</source>
            <translation>争议事项</translation>
        </message>
        <message>
            <source>Mediation terminated</source>
            <translation>已终止调解</translation>
        </message>
        <message>
            <source>Mediators</source>
            <translation>调解员</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>履行方式</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>No agreement has been recorded.</source>
            <translation>尚未录入调解协议。</translation>
        </message>
        <message>
            <source>No agreement has been recorded. An agreement can be recorded once the parties have been told their rights and duties, while mediation is open.</source>
            <translation>尚未录入调解协议。向当事人告知权利义务之后、调解结束之前，可以录入调解协议。</translation>
        </message>
        <message>
            <source>No details were changed.</source>
            <translation>当事人信息没有改动。</translation>
        </message>
        <message>
            <source>No files yet. Scans of the signed agreement, evidence, receipts and photos can be filed here.</source>
            <translation>还没有附件。签字协议扫描件、证据材料、履行凭证和照片都可以归档在这里。</translation>
        </message>
        <message>
            <source>No records yet. Records of investigations and sessions are required in the dossier (Art 27).</source>
            <translation>还没有记录。调查记录和调解记录是卷宗必备的材料（《人民调解法》第二十七条）。</translation>
        </message>
        <message>
            <source>No scan of the signed agreement has been filed yet.</source>
            <translation>尚未归档签字协议的扫描件。</translation>
        </message>
        <message>
            <source>No session planned.</source>
            <translation>暂无日程安排。</translation>
        </message>
        <message>
            <source>Normal procedure</source>
            <translation>一般程序</translation>
        </message>
        <message>
            <source>Nothing more to do: the case is archived.</source>
            <translation>案件已归档，无需再操作。</translation>
        </message>
        <message>
            <source>Nothing was changed: %1</source>
            <translation>未作任何更改：%1</translation>
        </message>
        <message>
            <source>Notify rights and duties</source>
            <translation>告知权利义务</translation>
        </message>
        <message>
            <source>Obligor</source>
            <translation>义务人</translation>
        </message>
        <message>
            <source>On %1</source>
            <translation>设备：%1</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <source>Oral agreement</source>
            <translation>口头协议</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概况</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>参加人</translation>
        </message>
        <message>
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <source>Party added</source>
            <translation>已添加当事人</translation>
        </message>
        <message>
            <source>Party details saved</source>
            <translation>当事人信息已保存</translation>
        </message>
        <message>
            <source>Party visited</source>
            <translation>被回访人</translation>
        </message>
        <message>
            <source>People involved</source>
            <translation>涉及人数</translation>
        </message>
        <message>
            <source>Performance</source>
            <translation>履行情况</translation>
        </message>
        <message>
            <source>Performance per term</source>
            <translation>各条款履行情况</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Plan a session…</source>
            <translation>安排日程…</translation>
        </message>
        <message>
            <source>Planned sessions</source>
            <translation>日程安排</translation>
        </message>
        <message>
            <source>Please check:</source>
            <translation>请核对：</translation>
        </message>
        <message>
            <source>Private note: only its author and the committee director see it</source>
            <translation>工作笔记：仅记录人本人和调委会主任可以查看</translation>
        </message>
        <message>
            <source>Reason for closing</source>
            <translation>结案原因</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <source>Record added</source>
            <translation>已添加记录</translation>
        </message>
        <message>
            <source>Record agreement…</source>
            <translation>录入调解协议…</translation>
        </message>
        <message>
            <source>Record follow-up visit…</source>
            <translation>记录回访…</translation>
        </message>
        <message>
            <source>Record refusal…</source>
            <translation>记录拒绝调解…</translation>
        </message>
        <message>
            <source>Record text</source>
            <translation>记录内容</translation>
        </message>
        <message>
            <source>Record visit…</source>
            <translation>记录回访…</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Refusal reason</source>
            <translation>拒绝理由</translation>
        </message>
        <message>
            <source>Refusal recorded</source>
            <translation>已记录拒绝调解</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Remove file</source>
            <translation>删除附件</translation>
        </message>
        <message>
            <source>Report facts saved.</source>
            <translation>统计事项已保存。</translation>
        </message>
        <message>
            <source>Report facts…</source>
            <translation>统计事项…</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>统计与释法</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>申请事项</translation>
        </message>
        <message>
            <source>Responsibilities</source>
            <translation>各方责任</translation>
        </message>
        <message>
            <source>Rights and duties notified</source>
            <translation>已告知权利义务</translation>
        </message>
        <message>
            <source>Risk: %1</source>
            <translation>风险等级：%1</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>满意度</translation>
        </message>
        <message>
            <source>Save a &amp;copy…</source>
            <translation>另存为(&amp;C)…</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>另存附件</translation>
        </message>
        <message>
            <source>Saved a copy: %1</source>
            <translation>已另存：%1</translation>
        </message>
        <message>
            <source>Saving a copy…</source>
            <translation>正在另存…</translation>
        </message>
        <message>
            <source>Schedule follow-up…</source>
            <translation>安排回访…</translation>
        </message>
        <message>
            <source>Session planned</source>
            <translation>已安排日程</translation>
        </message>
        <message>
            <source>Session record added</source>
            <translation>已添加调解记录</translation>
        </message>
        <message>
            <source>Show full ID and phone</source>
            <translation>显示完整号码</translation>
        </message>
        <message>
            <source>Show full ID and phone of %1</source>
            <translation>显示 %1 的完整证件号码和电话</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Signed — the scan “%1” was filed on %2 (see Attachments).</source>
            <translation>已签署——签字协议扫描件“%1”已于 %2 归档（见“附件”）。</translation>
        </message>
        <message>
            <source>Simple procedure</source>
            <translation>简易程序</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>案件来源</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Take “%1” off the case? The removal is kept in the case history.</source>
            <translation>从本案中删除“%1”吗？删除会记入操作记录。</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>条款内容</translation>
        </message>
        <message>
            <source>Terminate mediation…</source>
            <translation>终止调解…</translation>
        </message>
        <message>
            <source>Termination reason</source>
            <translation>终止原因</translation>
        </message>
        <message>
            <source>The agreement takes effect when every party, the mediator and the committee have signed and sealed it: file a scan of that paper</source>
            <translation>协议经各方当事人签名（按指印）、调解员签名并加盖调委会印章后生效：请把这份签字协议扫描归档</translation>
        </message>
        <message>
            <source>The agreement was not changed.</source>
            <translation>协议没有改动。</translation>
        </message>
        <message>
            <source>This case no longer exists.</source>
            <translation>该案件已不存在。</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Time limit %1</source>
            <translation>调解期限 %1</translation>
        </message>
        <message>
            <source>Time limit extended</source>
            <translation>已延长调解期限</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Visitor</source>
            <translation>回访人</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Written after the case was closed</source>
            <translation>结案后补充的记录</translation>
        </message>
        <message>
            <source>Written agreement</source>
            <translation>书面协议</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>今天到期</translation>
        </message>
        <message>
            <source>imported, to be checked</source>
            <translation>导入待核对</translation>
        </message>
        <message>
            <source>mediation has ended</source>
            <translation>调解已结束</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>待回访</translation>
        </message>
        <message>
            <source>the window has closed</source>
            <translation>申请期限已过</translation>
        </message>
        <message>
            <source>“%1” was taken off the case.</source>
            <translation>已删除“%1”。</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>Answered %1 by %2: %3</source>
            <translation>%1 由%2答复：%3</translation>
        </message>
        <message>
            <source>Close %1</source>
            <translation>办结 %1</translation>
        </message>
        <message>
            <source>The person has not been answered yet.</source>
            <translation>尚未答复来访人。</translation>
        </message>
        <message>
            <source>The person's &amp;satisfaction</source>
            <translation>来访人满意度(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>CompoundDialog</name>
        <message>
            <source>&amp;Grid member</source>
            <translation>网格员(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Owners' committee</source>
            <translation>业主委员会(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Property company</source>
            <translation>物业服务企业(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Village</source>
            <translation>村（社区）(&amp;V)</translation>
        </message>
        <message>
            <source>Compound &amp;name *</source>
            <translation>小区名称(&amp;N)*</translation>
        </message>
        <message>
            <source>No&amp;te</source>
            <translation>备注(&amp;T)</translation>
        </message>
        <message>
            <source>Residential compound</source>
            <translation>小区</translation>
        </message>
    </context>
    <context>
        <name>CompoundsTab</name>
        <message>
            <source>&amp;Edit…</source>
            <translation>修改(&amp;E)…</translation>
        </message>
        <message>
            <source>Compound</source>
            <translation>小区</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Grid member</source>
            <translation>网格员</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>New &amp;compound…</source>
            <translation>新增小区(&amp;C)…</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Owners' committee</source>
            <translation>业主委员会</translation>
        </message>
        <message>
            <source>Property company</source>
            <translation>物业服务企业</translation>
        </message>
        <message>
            <source>Residential compounds</source>
            <translation>小区名录</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>The compound's history</source>
            <translation>小区的来访和案件</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>case</source>
            <translation>案件</translation>
        </message>
        <message>
            <source>request</source>
            <translation>来访</translation>
        </message>
    </context>
    <context>
        <name>ConflictBadge</name>
        <message>
            <source>%1 sync conflict(s) to review</source>
            <translation>%1处同步冲突待处理</translation>
        </message>
        <message>
            <source>Sync conflicts to review</source>
            <translation>待处理的同步冲突</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>&amp;Save merged value</source>
            <translation>保存合并后的值(&amp;S)</translation>
        </message>
        <message>
            <source>Before either change</source>
            <translation>双方修改之前</translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Keep &amp;this device's</source>
            <translation>保留本机的值(&amp;T)</translation>
        </message>
        <message>
            <source>Keep the &amp;other's</source>
            <translation>保留对方的值(&amp;O)</translation>
        </message>
        <message>
            <source>Merged value</source>
            <translation>合并后的值</translation>
        </message>
        <message>
            <source>No conflicts are waiting. Nothing to do.</source>
            <translation>没有待处理的冲突。</translation>
        </message>
        <message>
            <source>Now in the register: %1</source>
            <translation>登记簿中现在的值：%1</translation>
        </message>
        <message>
            <source>Open conflicts</source>
            <translation>待处理的冲突</translation>
        </message>
        <message>
            <source>Or type a &amp;merged value:</source>
            <translation>或输入合并后的值(&amp;M)：</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Reviewed: keep &amp;both</source>
            <translation>已查看，两件都保留(&amp;B)</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>对照</translation>
        </message>
        <message>
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <source>The other (%1)</source>
            <translation>对方（%1）</translation>
        </message>
        <message>
            <source>The other device's value</source>
            <translation>对方的值</translation>
        </message>
        <message>
            <source>This device (%1)</source>
            <translation>本机（%1）</translation>
        </message>
        <message>
            <source>This device's value</source>
            <translation>本机的值</translation>
        </message>
        <message>
            <source>Two cases registered on different devices may be the same dispute. Both are kept; open them to compare, then mark this as reviewed.</source>
            <translation>两台设备分别登记的两件案件可能是同一纠纷。两件都已保留；请打开对照，核实后标记为已查看。</translation>
        </message>
        <message>
            <source>Value before either change</source>
            <translation>双方修改之前的值</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>情况</translation>
        </message>
    </context>
    <context>
        <name>DailyBackup</name>
        <message>
            <source>Daily backup…</source>
            <translation>正在每日备份…</translation>
        </message>
        <message>
            <source>The daily backup failed: %1. Check the backup folder under Settings → Backups.</source>
            <translation>每日备份失败：%1。请在“设置 → 备份”中检查备份文件夹。</translation>
        </message>
        <message>
            <source>Today's backup was saved to %1</source>
            <translation>今天的备份已保存到 %1</translation>
        </message>
    </context>
    <context>
        <name>DocumentSettingsPanel</name>
        <message>
            <source>%1 (bundled)</source>
            <translation>%1（程序自带）</translation>
        </message>
        <message>
            <source>%1 (system font)</source>
            <translation>%1（系统字体）</translation>
        </message>
        <message>
            <source>%1 (the room's font)</source>
            <translation>%1（本室设置的字体）</translation>
        </message>
        <message>
            <source>Basic court named in agreements, e.g. Anxi County People's Court</source>
            <translation>协议书中写明的基层人民法院，如：安溪县人民法院</translation>
        </message>
        <message>
            <source>Choose a TrueType font file (.ttf or .ttc)</source>
            <translation>选择 TrueType 字体文件（.ttf 或 .ttc）</translation>
        </message>
        <message>
            <source>Choose f&amp;ile…</source>
            <translation>选择(&amp;I)…</translation>
        </message>
        <message>
            <source>Choose the printing font</source>
            <translation>选择打印字体</translation>
        </message>
        <message>
            <source>Confirming co&amp;urt</source>
            <translation>司法确认法院(&amp;U)</translation>
        </message>
        <message>
            <source>Default place of mediation and of performance</source>
            <translation>默认的调解地点和履行地点</translation>
        </message>
        <message>
            <source>Document &amp;header</source>
            <translation>文书抬头(&amp;H)</translation>
        </message>
        <message>
            <source>Document settings saved.</source>
            <translation>文书设置已保存。</translation>
        </message>
        <message>
            <source>Empty: a system font or the bundled font</source>
            <translation>留空则使用系统字体或程序自带字体</translation>
        </message>
        <message>
            <source>Landline or mobile</source>
            <translation>固定电话或手机号码</translation>
        </message>
        <message>
            <source>Only the director or administrator can change these.</source>
            <translation>只有调委会主任或管理员可以修改文书设置。</translation>
        </message>
        <message>
            <source>Place name above every title, e.g. Hutou Town, Anxi County</source>
            <translation>印在文书标题上方的地名，如：安溪县湖头镇</translation>
        </message>
        <message>
            <source>Printed on every form from now on; forms already printed do not change.</source>
            <translation>此后打印的每份文书都使用这些设置；已打印的文书不受影响。</translation>
        </message>
        <message>
            <source>Printing &amp;font</source>
            <translation>打印字体(&amp;F)</translation>
        </message>
        <message>
            <source>Printing font</source>
            <translation>打印字体</translation>
        </message>
        <message>
            <source>Printing will use: %1</source>
            <translation>将使用：%1</translation>
        </message>
        <message>
            <source>Room addr&amp;ess</source>
            <translation>调解室地址(&amp;E)</translation>
        </message>
        <message>
            <source>Room pho&amp;ne</source>
            <translation>调解室电话(&amp;N)</translation>
        </message>
        <message>
            <source>Save docu&amp;ment settings</source>
            <translation>保存文书设置(&amp;M)</translation>
        </message>
        <message>
            <source>TrueType fonts (*.ttf *.ttc)</source>
            <translation>TrueType 字体 (*.ttf *.ttc)</translation>
        </message>
    </context>
    <context>
        <name>DocumentsTab</name>
        <message>
            <source>%1 cannot be printed: %2</source>
            <translation>%1无法打印：%2</translation>
        </message>
        <message>
            <source>&amp;Batch print…</source>
            <translation>批量打印(&amp;B)…</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>All required items are in the file; the case can be archived once closed.</source>
            <translation>必备材料齐全，结案后即可归档。</translation>
        </message>
        <message>
            <source>Batch print</source>
            <translation>批量打印</translation>
        </message>
        <message>
            <source>Batch printing cancelled; nothing was printed.</source>
            <translation>已取消批量打印，没有打印任何内容。</translation>
        </message>
        <message>
            <source>By</source>
            <translation>经办人</translation>
        </message>
        <message>
            <source>Can it be printed?</source>
            <translation>能否打印</translation>
        </message>
        <message>
            <source>Cannot be archived yet. Missing: %1</source>
            <translation>暂不能归档，缺少：%1</translation>
        </message>
        <message>
            <source>Case file</source>
            <translation>调解卷宗</translation>
        </message>
        <message>
            <source>Case file (卷宗) before archiving</source>
            <translation>卷宗完整性（归档前检查）</translation>
        </message>
        <message>
            <source>Case file checklist</source>
            <translation>卷宗材料清单</translation>
        </message>
        <message>
            <source>Copies</source>
            <translation>份数</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Documents printed for this case</source>
            <translation>本案已打印的文书</translation>
        </message>
        <message>
            <source>Fill in first: %1</source>
            <translation>请先填写：%1</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Forms</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Forms of this case</source>
            <translation>本案文书</translation>
        </message>
        <message>
            <source>In the file</source>
            <translation>卷内情况</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>材料</translation>
        </message>
        <message>
            <source>MISSING</source>
            <translation>缺少</translation>
        </message>
        <message>
            <source>No form of this case can be printed yet; see what each one lacks.</source>
            <translation>本案暂无可打印的文书，请查看各文书还缺少的内容。</translation>
        </message>
        <message>
            <source>Not part of this case yet</source>
            <translation>本案尚无此文书</translation>
        </message>
        <message>
            <source>Nothing was printed: %1</source>
            <translation>没有打印：%1</translation>
        </message>
        <message>
            <source>P&amp;rint…</source>
            <translation>打印(&amp;R)…</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>页数</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>预览(&amp;V)</translation>
        </message>
        <message>
            <source>Printed and saved</source>
            <translation>已打印和保存的文书</translation>
        </message>
        <message>
            <source>Printed, but not filed to the case: %1</source>
            <translation>已打印，但未能登记到本案：%1</translation>
        </message>
        <message>
            <source>Printing failed: %1</source>
            <translation>打印失败：%1</translation>
        </message>
        <message>
            <source>Printing the case file…</source>
            <translation>正在打印卷宗…</translation>
        </message>
        <message>
            <source>Ready to print</source>
            <translation>可以打印</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>要求</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Sent to the printer (%1 pages): %2</source>
            <translation>已送打印机（共 %1 页）：%2</translation>
        </message>
        <message>
            <source>The case is archived.</source>
            <translation>本案已归档。</translation>
        </message>
        <message>
            <source>The ticked forms</source>
            <translation>勾选的文书</translation>
        </message>
        <message>
            <source>The whole case file, in order</source>
            <translation>整本卷宗（按顺序）</translation>
        </message>
        <message>
            <source>Tick the forms to print first.</source>
            <translation>请先勾选要打印的文书。</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>What to print together</source>
            <translation>批量打印的范围</translation>
        </message>
        <message>
            <source>as needed</source>
            <translation>视情况</translation>
        </message>
        <message>
            <source>present</source>
            <translation>已有</translation>
        </message>
        <message>
            <source>printed</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>required</source>
            <translation>必备</translation>
        </message>
        <message>
            <source>saved as PDF</source>
            <translation>保存为PDF</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
    </context>
    <context>
        <name>DraftKeeper</name>
        <message>
            <source>Draft could not be saved.</source>
            <translation>草稿未能保存。</translation>
        </message>
        <message>
            <source>Draft saved at %1</source>
            <translation>草稿已于 %1 保存</translation>
        </message>
        <message>
            <source>Unsaved text from an earlier session has been restored.</source>
            <translation>已恢复上次未保存的内容。</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source> numbers</source>
            <translation> 个编号</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>Case numbers &amp;leased</source>
            <translation>租给它的案件编号(&amp;L)</translation>
        </message>
        <message>
            <source>Copying the register…</source>
            <translation>正在复制登记簿…</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>登记</translation>
        </message>
        <message>
            <source>Enrol a patrol laptop</source>
            <translation>登记巡查笔记本</translation>
        </message>
        <message>
            <source>Laptop &amp;name</source>
            <translation>笔记本名称(&amp;N)</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>请填写此项。</translation>
        </message>
        <message>
            <source>Register &amp;file</source>
            <translation>数据库文件(&amp;F)</translation>
        </message>
        <message>
            <source>Register (*.db)</source>
            <translation>数据库（*.db）</translation>
        </message>
        <message>
            <source>Register file</source>
            <translation>数据库文件</translation>
        </message>
        <message>
            <source>The laptop gets a full copy of this register with the same accounts and passwords, and a block of this year's case numbers (topped up at every exchange). Copy the file and the .keys file beside it onto the laptop.</source>
            <translation>笔记本得到本登记簿的完整副本，账户和密码相同，并领取一段本年度的案件编号（每次交换时补足）。请把数据库文件和旁边的 .keys 文件一起复制到笔记本上。</translation>
        </message>
        <message>
            <source>e.g. 巡查一号</source>
            <translation>如：巡查一号</translation>
        </message>
    </context>
    <context>
        <name>ExchangeDialog</name>
        <message>
            <source>%1 conflict(s) to review.</source>
            <translation>%1处冲突待处理。</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Exchange</source>
            <translation>交换(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Import only</source>
            <translation>只导入(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Stick or folder</source>
            <translation>U盘或文件夹(&amp;S)</translation>
        </message>
        <message>
            <source>Case numbers leased: %1</source>
            <translation>续租案件编号：%1</translation>
        </message>
        <message>
            <source>Choose an existing folder (the USB stick).</source>
            <translation>请选择一个已有的文件夹（U盘）。</translation>
        </message>
        <message>
            <source>Ex&amp;port only</source>
            <translation>只导出(&amp;P)</translation>
        </message>
        <message>
            <source>Exchange with laptops</source>
            <translation>同步（交换数据）</translation>
        </message>
        <message>
            <source>Exchanging…</source>
            <translation>正在交换…</translation>
        </message>
        <message>
            <source>For %1: %2 change(s) in %3</source>
            <translation>给“%1”：%2处修改，已写入 %3</translation>
        </message>
        <message>
            <source>Imported %1 bundle(s) with %2 change(s); %3 skipped.</source>
            <translation>导入%1个交换包，共%2处修改；跳过%3个。</translation>
        </message>
        <message>
            <source>Nothing was imported:</source>
            <translation>没有导入任何内容：</translation>
        </message>
        <message>
            <source>Nothing was written to the stick:</source>
            <translation>没有写入U盘：</translation>
        </message>
        <message>
            <source>Plug in the USB stick (or choose the shared folder). “Exchange” first brings in what the other side wrote there, then writes what it does not have yet.</source>
            <translation>插上U盘（或选择共享文件夹）。“交换”先导入对方写在上面的交换包，再写出对方还没有的修改。</translation>
        </message>
        <message>
            <source>Review %1 conflict(s)…</source>
            <translation>处理%1处冲突…</translation>
        </message>
        <message>
            <source>Stick or folder</source>
            <translation>U盘或文件夹</translation>
        </message>
        <message>
            <source>The USB stick or shared folder</source>
            <translation>U盘或共享文件夹</translation>
        </message>
        <message>
            <source>This computer is a patrol laptop: it exchanges with the room's desk.</source>
            <translation>本机是巡查笔记本，与调解室主机交换。</translation>
        </message>
        <message>
            <source>This computer is the room's desk: it writes a bundle for every enrolled laptop.</source>
            <translation>本机是调解室主机，为每台已登记的巡查笔记本写出交换包。</translation>
        </message>
        <message>
            <source>What went out and came in</source>
            <translation>导出和导入的内容</translation>
        </message>
        <message>
            <source>What went out and came in is listed here.</source>
            <translation>导出和导入的内容会列在这里。</translation>
        </message>
    </context>
    <context>
        <name>ExtendDialog</name>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Current time limit</source>
            <translation>当前期限</translation>
        </message>
        <message>
            <source>Extend by</source>
            <translation>延长</translation>
        </message>
        <message>
            <source>Extend the time limit</source>
            <translation>延长调解期限</translation>
        </message>
        <message>
            <source>Mediation should normally finish within one month. It may be extended only when both parties agree; record how and when they agreed.</source>
            <translation>调解一般应在一个月内结束。只有双方当事人都同意才能延长，请写明当事人在何时、以何种方式表示同意。</translation>
        </message>
        <message>
            <source>New time limit</source>
            <translation>延长后期限</translation>
        </message>
        <message>
            <source>Parties' consent *</source>
            <translation>当事人同意情况*</translation>
        </message>
        <message>
            <source>Record that both parties agreed to the extension.</source>
            <translation>请写明双方当事人同意延长期限的情况。</translation>
        </message>
        <message>
            <source>e.g. both parties agreed in person on 28 November</source>
            <translation>例如：双方当事人于11月28日当面表示同意</translation>
        </message>
    </context>
    <context>
        <name>FindingDialog</name>
        <message>
            <source>%1 people</source>
            <translation>涉及 %1 人</translation>
        </message>
        <message>
            <source>%1 yuan</source>
            <translation>涉及金额 %1 元</translation>
        </message>
        <message>
            <source>&amp;Due by</source>
            <translation>办结期限(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Measure</source>
            <translation>处置措施(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Open the case</source>
            <translation>打开案件(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Result</source>
            <translation>处置结果(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save handling</source>
            <translation>保存处置情况(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;When</source>
            <translation>上报时间(&amp;W)</translation>
        </message>
        <message>
            <source>Esca&amp;late</source>
            <translation>登记上报(&amp;L)</translation>
        </message>
        <message>
            <source>Escalation</source>
            <translation>上报与回执</translation>
        </message>
        <message>
            <source>Escalations</source>
            <translation>上报记录</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>排查发现</translation>
        </message>
        <message>
            <source>Finding — %1</source>
            <translation>排查发现 — %1</translation>
        </message>
        <message>
            <source>Handling</source>
            <translation>处置情况</translation>
        </message>
        <message>
            <source>How</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>Make a &amp;case…</source>
            <translation>转为案件(&amp;C)…</translation>
        </message>
        <message>
            <source>Not a case yet.</source>
            <translation>尚未登记为案件。</translation>
        </message>
        <message>
            <source>Parties: %1</source>
            <translation>当事人：%1</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>回执</translation>
        </message>
        <message>
            <source>Receipt recorded.</source>
            <translation>回执已登记。</translation>
        </message>
        <message>
            <source>Received &amp;by</source>
            <translation>接收人(&amp;B)</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>接收时间</translation>
        </message>
        <message>
            <source>Record rece&amp;ipt</source>
            <translation>登记回执(&amp;I)</translation>
        </message>
        <message>
            <source>Registered as case %1</source>
            <translation>已登记为案件 %1</translation>
        </message>
        <message>
            <source>Report recorded.</source>
            <translation>上报已登记。</translation>
        </message>
        <message>
            <source>Reported to</source>
            <translation>上报单位</translation>
        </message>
        <message>
            <source>Res&amp;ponsible</source>
            <translation>责任人(&amp;P)</translation>
        </message>
        <message>
            <source>S&amp;tatus</source>
            <translation>状态(&amp;T)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Tar&amp;get</source>
            <translation>上报单位(&amp;G)</translation>
        </message>
        <message>
            <source>Their answer</source>
            <translation>对方答复</translation>
        </message>
        <message>
            <source>Wa&amp;y</source>
            <translation>方式(&amp;Y)</translation>
        </message>
        <message>
            <source>What was reported</source>
            <translation>上报内容</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>waiting for receipt</source>
            <translation>等待回执</translation>
        </message>
    </context>
    <context>
        <name>FindingEditor</name>
        <message>
            <source>Amount (yuan)</source>
            <translation>涉及金额（元）</translation>
        </message>
        <message>
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>办结期限</translation>
        </message>
        <message>
            <source>Finding %1</source>
            <translation>发现 %1</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>处置措施</translation>
        </message>
        <message>
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <source>People</source>
            <translation>涉及人数</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Remove finding %1</source>
            <translation>删除第 %1 条发现</translation>
        </message>
        <message>
            <source>Remove this finding</source>
            <translation>删除这条发现</translation>
        </message>
        <message>
            <source>Report to</source>
            <translation>上报单位</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>处置结果</translation>
        </message>
        <message>
            <source>Risk level *</source>
            <translation>风险等级 *</translation>
        </message>
        <message>
            <source>What is disputed, between whom, since when</source>
            <translation>谁和谁、为什么事、从什么时候开始</translation>
        </message>
        <message>
            <source>What was found *</source>
            <translation>简要情况 *</translation>
        </message>
        <message>
            <source>e.g. 张某与李某</source>
            <translation>如：张某与李某</translation>
        </message>
        <message>
            <source>e.g. 当场说和，双方同意各退一步</source>
            <translation>如：当场说和，双方同意各退一步</translation>
        </message>
        <message>
            <source>yuan, e.g. 12000</source>
            <translation>元，如 12000</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
    </context>
    <context>
        <name>FollowupDialogs</name>
        <message>
            <source>A party has gone to court over this dispute</source>
            <translation>已有当事人就此纠纷向法院起诉</translation>
        </message>
        <message>
            <source>Measures taken</source>
            <translation>采取的措施</translation>
        </message>
        <message>
            <source>Obligor</source>
            <translation>义务人</translation>
        </message>
        <message>
            <source>Overall</source>
            <translation>总体履行情况</translation>
        </message>
        <message>
            <source>Party visited</source>
            <translation>被回访人</translation>
        </message>
        <message>
            <source>Performance</source>
            <translation>履行情况</translation>
        </message>
        <message>
            <source>Performance of term %1</source>
            <translation>第%1条履行情况</translation>
        </message>
        <message>
            <source>Performance per term</source>
            <translation>各条款履行情况</translation>
        </message>
        <message>
            <source>Record *</source>
            <translation>回访记录*</translation>
        </message>
        <message>
            <source>Record a follow-up visit — %1</source>
            <translation>记录回访 — %1</translation>
        </message>
        <message>
            <source>Renewed conflict</source>
            <translation>矛盾反复迹象</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>满意度</translation>
        </message>
        <message>
            <source>Schedule a follow-up visit</source>
            <translation>安排回访</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>条款内容</translation>
        </message>
        <message>
            <source>Visit on</source>
            <translation>计划回访日期</translation>
        </message>
        <message>
            <source>Visited on</source>
            <translation>回访日期</translation>
        </message>
        <message>
            <source>Visitor</source>
            <translation>回访人</translation>
        </message>
        <message>
            <source>Write what was found on the visit.</source>
            <translation>请写明回访了解到的情况。</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
    </context>
    <context>
        <name>IdleLock</name>
        <message>
            <source>%1 is logged in. Type your password to continue; everything is as you left it.</source>
            <translation>当前登录的是 %1。请输入密码继续工作，离开前的内容都原样保留。</translation>
        </message>
        <message>
            <source>&amp;Lock screen</source>
            <translation>锁定屏幕(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>解锁(&amp;U)</translation>
        </message>
        <message>
            <source>Lock the screen now (Ctrl+L)</source>
            <translation>立即锁定屏幕（Ctrl+L）</translation>
        </message>
        <message>
            <source>Mediation Desk is locked</source>
            <translation>调解工作台已锁定</translation>
        </message>
        <message>
            <source>Mediation Desk — locked</source>
            <translation>调解工作台 — 已锁定</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Wrong password. Please try again.</source>
            <translation>密码不正确，请重新输入。</translation>
        </message>
    </context>
    <context>
        <name>IntakeDialog</name>
        <message>
            <source>Keep the draft for later?</source>
            <translation>要保留草稿，以后接着填写吗？</translation>
        </message>
        <message>
            <source>Keep the draft?</source>
            <translation>保留草稿？</translation>
        </message>
        <message>
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>登记</translation>
        </message>
        <message>
            <source>Register a dispute</source>
            <translation>受理登记</translation>
        </message>
        <message>
            <source>Register the case (Ctrl+Enter)</source>
            <translation>登记本案（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Registered {number}</source>
            <translation>已登记 {number}</translation>
        </message>
        <message>
            <source>The case could not be registered: {reason}
Nothing was saved and everything you typed is still here; try again.</source>
            <translation>案件未能登记：{reason}
这次什么也没有保存，您填写的内容都还在，请再试一次。</translation>
        </message>
        <message>
            <source>The draft could not be removed; try again.</source>
            <translation>草稿未能删除，请再试一次。</translation>
        </message>
    </context>
    <context>
        <name>LaptopsView</name>
        <message>
            <source>%1 batch(es)</source>
            <translation>%1批</translation>
        </message>
        <message>
            <source>&amp;Conflicts (%1)…</source>
            <translation>冲突（%1）(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Enrol a laptop…</source>
            <translation>登记巡查笔记本(&amp;E)…</translation>
        </message>
        <message>
            <source>Case numbers left</source>
            <translation>剩余案件编号</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>时钟</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Devices this one exchanges with</source>
            <translation>与本机交换的设备</translation>
        </message>
        <message>
            <source>E&amp;xchange…</source>
            <translation>同步(&amp;X)…</translation>
        </message>
        <message>
            <source>Enrolled “%1”: copy %2 and its .keys file onto the laptop. Case numbers %3 to %4 of %5 are leased to it.</source>
            <translation>已登记“%1”：请把 %2 和同名的 .keys 文件复制到笔记本上。已租给它%5年第%3至%4号案件编号。</translation>
        </message>
        <message>
            <source>Last export</source>
            <translation>上次导出</translation>
        </message>
        <message>
            <source>Last import</source>
            <translation>上次导入</translation>
        </message>
        <message>
            <source>No laptop is enrolled yet.</source>
            <translation>还没有登记巡查笔记本。</translation>
        </message>
        <message>
            <source>Only the director or administrator can enrol laptops.</source>
            <translation>只有调委会主任或管理员可以登记巡查笔记本。</translation>
        </message>
        <message>
            <source>Patrol laptops carry a copy of the register into the villages. Exchange on a USB stick when a laptop leaves and when it comes back: the desk merges every laptop's work field by field, relays it to the others, and keeps any value two devices changed differently as a conflict for review.</source>
            <translation>巡查笔记本带着登记簿的副本下村。笔记本出发前和回来后用U盘交换：调解室主机逐个字段合并各笔记本的工作，再转给其他笔记本；两台设备改得不一样的值记为冲突，留待核实。</translation>
        </message>
        <message>
            <source>This computer is the patrol laptop “%1”; it exchanges with the room's desk.</source>
            <translation>本机是巡查笔记本“%1”，与调解室主机交换。</translation>
        </message>
        <message>
            <source>This computer is the room's desk (%1).</source>
            <translation>本机是调解室主机（%1）。</translation>
        </message>
        <message>
            <source>Waiting to go</source>
            <translation>待发送</translation>
        </message>
        <message>
            <source>fine</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>&amp;Forgot the password? Use the recovery key…</source>
            <translation>忘记密码？使用恢复密钥(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>用户名(&amp;U)</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Log in — Mediation Desk</source>
            <translation>登录 — 调解工作台</translation>
        </message>
        <message>
            <source>Login problem</source>
            <translation>登录出错原因</translation>
        </message>
        <message>
            <source>Mediation Desk</source>
            <translation>调解工作台</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>请填写此项。</translation>
        </message>
        <message>
            <source>Register: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Accounts</source>
            <translation>账户</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>DEMO DATA</source>
            <translation>演示数据</translation>
        </message>
        <message>
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <source>Laptops</source>
            <translation>巡查笔记本</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Mediation Desk</source>
            <translation>调解工作台</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>导航</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>登记簿</translation>
        </message>
        <message>
            <source>Register: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <source>Retention</source>
            <translation>保存期限</translation>
        </message>
        <message>
            <source>Start the program again</source>
            <translation>请重新启动程序</translation>
        </message>
        <message>
            <source>User: %1</source>
            <translation>用户：%1</translation>
        </message>
    </context>
    <context>
        <name>MeetingDialog</name>
        <message>
            <source>&amp;Chaired by</source>
            <translation>主持人(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Departments present *</source>
            <translation>参加部门(&amp;D)*</translation>
        </message>
        <message>
            <source>&amp;Held on *</source>
            <translation>会议日期(&amp;H)*</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>地点(&amp;P)</translation>
        </message>
        <message>
            <source>Add &amp;task</source>
            <translation>添加分工(&amp;T)</translation>
        </message>
        <message>
            <source>D&amp;ecisions *</source>
            <translation>会议决定(&amp;E)*</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>承办部门</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Joint meeting — %1</source>
            <translation>联席会议 — %1</translation>
        </message>
        <message>
            <source>Name the department and the work first.</source>
            <translation>请先填写承办部门和工作内容。</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Tasks</source>
            <translation>分工</translation>
        </message>
        <message>
            <source>Who does what by when</source>
            <translation>分工（谁、做什么、何时完成）</translation>
        </message>
        <message>
            <source>Work</source>
            <translation>工作内容</translation>
        </message>
    </context>
    <context>
        <name>NamePicker</name>
        <message>
            <source> (new)</source>
            <translation>（新）</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Add (Enter)</source>
            <translation>添加（回车）</translation>
        </message>
        <message>
            <source>Add a person…</source>
            <translation>添加人员…</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Team members</source>
            <translation>排查人员</translation>
        </message>
    </context>
    <context>
        <name>OccurrenceDialog</name>
        <message>
            <source>&amp;Add an extra patrol</source>
            <translation>另加一次专项排查(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Cancel this patrol</source>
            <translation>取消这次排查(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>日期(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Move it to another day</source>
            <translation>改到其他日期(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Plan</source>
            <translation>排查计划(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Time</source>
            <translation>时间(&amp;T)</translation>
        </message>
        <message>
            <source>Cancel, move or add a patrol</source>
            <translation>取消、改期或加排</translation>
        </message>
        <message>
            <source>Choose the plan the extra patrol belongs to.</source>
            <translation>请选择这次专项排查所属的计划。</translation>
        </message>
        <message>
            <source>No patrol chosen: an extra patrol of a plan can be added.</source>
            <translation>未选中排查：可以为某个计划另加一次专项排查。</translation>
        </message>
        <message>
            <source>Nothing was saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <source>e.g. 镇里集中开会 / 春节前专项排查</source>
            <translation>如：镇里集中开会 / 春节前专项排查</translation>
        </message>
    </context>
    <context>
        <name>PartyDialog</name>
        <message>
            <source>(from the ID number)</source>
            <translation>（根据身份证号码）</translation>
        </message>
        <message>
            <source>Add party</source>
            <translation>添加当事人</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>代理人</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>证件类型</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>Edit party</source>
            <translation>修改当事人</translation>
        </message>
        <message>
            <source>Ethnicity</source>
            <translation>民族</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Legal representative</source>
            <translation>法定代表人</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Name *</source>
            <translation>姓名*</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Other document</source>
            <translation>其他证件</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Resident ID card</source>
            <translation>居民身份证</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>The name is required.</source>
            <translation>请填写姓名。</translation>
        </message>
    </context>
    <context>
        <name>PartyEditor</name>
        <message>
            <source>&amp;Birth date</source>
            <translation>出生日期(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Gender</source>
            <translation>性别(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;ID number</source>
            <translation>证件号码(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>联系电话(&amp;P)</translation>
        </message>
        <message>
            <source>18 digits; fills birth date and gender</source>
            <translation>18位，自动填入出生日期和性别</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>地址(&amp;D)</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>代理人</translation>
        </message>
        <message>
            <source>Birth date and gender were filled in from the ID number.</source>
            <translation>已根据身份证号码自动填入出生日期和性别。</translation>
        </message>
        <message>
            <source>Document number (credit code for an organization)</source>
            <translation>证件号码（单位填统一社会信用代码）</translation>
        </message>
        <message>
            <source>Et&amp;hnicity</source>
            <translation>民族(&amp;H)</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>ID type</source>
            <translation>证件类型</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Legal representative</source>
            <translation>法定代表人</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Mobile or landline</source>
            <translation>手机或固定电话</translation>
        </message>
        <message>
            <source>Not a real date (YYYY-MM-DD)</source>
            <translation>日期无效，请按“年-月-日”填写</translation>
        </message>
        <message>
            <source>Occ&amp;upation</source>
            <translation>职业(&amp;U)</translation>
        </message>
        <message>
            <source>Organization</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Other document</source>
            <translation>其他证件</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人</translation>
        </message>
        <message>
            <source>Resident ID card</source>
            <translation>居民身份证</translation>
        </message>
        <message>
            <source>Selected party</source>
            <translation>当前当事人</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>This person appears in earlier cases: {numbers}</source>
            <translation>此人在以前的案件中出现过：{numbers}</translation>
        </message>
        <message>
            <source>Use details from earlier case</source>
            <translation>沿用以前案件中的信息</translation>
        </message>
    </context>
    <context>
        <name>PartyGrid</name>
        <message>
            <source>Add applicant</source>
            <translation>添加申请人</translation>
        </message>
        <message>
            <source>Add respondent</source>
            <translation>添加被申请人</translation>
        </message>
        <message>
            <source>Add third party</source>
            <translation>添加第三人</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Remove the selected party</source>
            <translation>移除选中的当事人</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>身份</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>&amp;Current password</source>
            <translation>当前密码(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;New password</source>
            <translation>新密码(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Repeat new password</source>
            <translation>确认新密码(&amp;R)</translation>
        </message>
        <message>
            <source>Also give the register a new key</source>
            <translation>同时更换数据库密钥</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>至少 %1 个字符。</translation>
        </message>
        <message>
            <source>Change my password</source>
            <translation>更改我的密码</translation>
        </message>
        <message>
            <source>Enable account</source>
            <translation>启用账户</translation>
        </message>
        <message>
            <source>Enable the account %1</source>
            <translation>启用账户 %1</translation>
        </message>
        <message>
            <source>For when the old password may be known to someone else: old copies of the register's key file stop working.</source>
            <translation>旧密码可能已被他人知道时勾选：旧的密钥文件副本随即失效。</translation>
        </message>
        <message>
            <source>Give %1 a new password (for a forgotten password). Tell it to them in person; they should change it after logging in.</source>
            <translation>为 %1 设置新密码（用于忘记密码的情况）。请当面告诉本人，并提醒对方登录后自己更改。</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>请填写此项。</translation>
        </message>
        <message>
            <source>Reset the password of %1</source>
            <translation>重置 %1 的密码</translation>
        </message>
        <message>
            <source>Set password</source>
            <translation>设置密码</translation>
        </message>
        <message>
            <source>The account %1 was disabled and its old password no longer opens the register. Give it a new password to enable it.</source>
            <translation>账户 %1 已停用，原来的密码不能再打开数据库。请设置新密码来启用它。</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>This is not your current password.</source>
            <translation>当前密码不正确。</translation>
        </message>
        <message>
            <source>Type your current password, then the new one twice. Only your own key to the register changes.</source>
            <translation>请先输入当前密码，再把新密码输入两遍。只会更改您本人打开数据库的密钥。</translation>
        </message>
    </context>
    <context>
        <name>PatrolCalendar</name>
        <message>
            <source>%1 more…</source>
            <translation>还有%1项…</translation>
        </message>
        <message>
            <source>Patrol calendar</source>
            <translation>排查日历</translation>
        </message>
        <message>
            <source>extra visit</source>
            <translation>专项排查</translation>
        </message>
        <message>
            <source>lead: %1</source>
            <translation>负责人：%1</translation>
        </message>
        <message>
            <source>moved from %1</source>
            <translation>由%1改期</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
    </context>
    <context>
        <name>PatrolFindings</name>
        <message>
            <source> (overdue)</source>
            <translation>·逾期</translation>
        </message>
        <message>
            <source>%1 finding(s), %2 open</source>
            <translation>共 %1 件，待处置 %2 件</translation>
        </message>
        <message>
            <source>&amp;Details…</source>
            <translation>查看/处置(&amp;D)…</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>All levels</source>
            <translation>全部等级</translation>
        </message>
        <message>
            <source>All villages</source>
            <translation>全部村</translation>
        </message>
        <message>
            <source>Attach &amp;photos…</source>
            <translation>附加照片(&amp;P)…</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <source>Due: %1</source>
            <translation>期限：%1</translation>
        </message>
        <message>
            <source>File photos or documents to the finding; they follow it into the case it becomes</source>
            <translation>把照片或文档归入这条排查发现；登记为案件后随之归入案件</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>排查发现</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Make a &amp;case…</source>
            <translation>转为案件(&amp;C)…</translation>
        </message>
        <message>
            <source>Measure: %1</source>
            <translation>处置措施：%1</translation>
        </message>
        <message>
            <source>Parties: %1</source>
            <translation>当事人：%1</translation>
        </message>
        <message>
            <source>Register the finding as a case (source 排查发现), prefilled</source>
            <translation>把这条发现登记为案件（来源：排查发现），自动填好已知内容</translation>
        </message>
        <message>
            <source>Responsible: %1</source>
            <translation>责任人：%1</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>风险等级</translation>
        </message>
        <message>
            <source>Search findings</source>
            <translation>搜索排查发现</translation>
        </message>
        <message>
            <source>Search…</source>
            <translation>搜索…</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>简要情况</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
    </context>
    <context>
        <name>PatrolPlans</name>
        <message>
            <source>%1 (team of %2)</source>
            <translation>%1等%2人</translation>
        </message>
        <message>
            <source>&amp;Edit plan…</source>
            <translation>修改计划(&amp;E)…</translation>
        </message>
        <message>
            <source>Cadence</source>
            <translation>周期</translation>
        </message>
        <message>
            <source>E&amp;nd plan…</source>
            <translation>结束计划(&amp;N)…</translation>
        </message>
        <message>
            <source>Focus: %1</source>
            <translation>重点：%1</translation>
        </message>
        <message>
            <source>Patrol plans</source>
            <translation>排查计划</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>起止日期</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Show ended plans</source>
            <translation>显示已结束的计划</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>排查人员</translation>
        </message>
        <message>
            <source>Villages</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>open-ended</source>
            <translation>不设结束</translation>
        </message>
        <message>
            <source>until %1</source>
            <translation>至%1</translation>
        </message>
    </context>
    <context>
        <name>PatrolRiskSettings</name>
        <message>
            <source> hours</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>&amp;Save risk levels</source>
            <translation>保存风险等级(&amp;S)</translation>
        </message>
        <message>
            <source>= %1 day(s)</source>
            <translation>= %1 天</translation>
        </message>
        <message>
            <source>A finding's deadline is its found date plus the response time; an empty target means the room handles that level itself. Findings already recorded keep their deadlines.</source>
            <translation>排查发现的办结期限 = 发现日期 + 响应时限；上报单位留空表示由调解室自行处置。已记录的发现不改期限。</translation>
        </message>
        <message>
            <source>Escalate to</source>
            <translation>上报单位</translation>
        </message>
        <message>
            <source>Escalation target of %1</source>
            <translation>%1的上报单位</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Only the director or administrator can change these.</source>
            <translation>只有调委会主任或管理员可以修改。</translation>
        </message>
        <message>
            <source>Response time</source>
            <translation>响应时限</translation>
        </message>
        <message>
            <source>Response time of %1</source>
            <translation>%1的响应时限</translation>
        </message>
        <message>
            <source>Risk levels saved.</source>
            <translation>风险等级已保存。</translation>
        </message>
    </context>
    <context>
        <name>PatrolView</name>
        <message numerus="yes">
            <source>%n file(s) filed to the finding.</source>
            <translation>
                <numerusform>已把 %n 个文件归入这条排查发现。</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Ad-hoc patrol…</source>
            <translation>临时排查(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Record patrol…</source>
            <translation>记录排查(&amp;R)…</translation>
        </message>
        <message>
            <source>Ad-hoc patrol recorded.</source>
            <translation>临时排查已记录。</translation>
        </message>
        <message>
            <source>Calendar changed.</source>
            <translation>排查日程已修改。</translation>
        </message>
        <message>
            <source>Calendar saved to %1 (%2 – %3).</source>
            <translation>日历已保存到 %1（%2 至 %3）。</translation>
        </message>
        <message>
            <source>Cancel or move the selected patrol, or add an extra one</source>
            <translation>取消或改期所选排查，或另加一次专项排查</translation>
        </message>
        <message>
            <source>Cancel/mo&amp;ve…</source>
            <translation>取消/改期(&amp;V)…</translation>
        </message>
        <message>
            <source>Correct the record of %1…</source>
            <translation>修改排查记录（%1）…</translation>
        </message>
        <message>
            <source>Correct the record of the selected patrol (places, households, team, findings)</source>
            <translation>修改所选排查的排查记录（走访地点、户数、人员、发现）</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>无法保存 %1：%2</translation>
        </message>
        <message>
            <source>E&amp;xport calendar…</source>
            <translation>导出日历(&amp;X)…</translation>
        </message>
        <message>
            <source>Ed&amp;it record…</source>
            <translation>修改排查记录(&amp;I)…</translation>
        </message>
        <message>
            <source>End the plan</source>
            <translation>结束排查计划</translation>
        </message>
        <message>
            <source>End “%1” today? Patrols after today are taken off the calendar; recorded patrols stay.</source>
            <translation>今天结束“%1”吗？今天以后的排查将从日历上撤下，已记录的排查保留。</translation>
        </message>
        <message>
            <source>Export the patrol calendar</source>
            <translation>导出排查日历</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>排查发现</translation>
        </message>
        <message>
            <source>New &amp;plan…</source>
            <translation>新建排查计划(&amp;P)…</translation>
        </message>
        <message>
            <source>Next month</source>
            <translation>下个月</translation>
        </message>
        <message>
            <source>Next month (PgDown)</source>
            <translation>下个月（PgDown）</translation>
        </message>
        <message>
            <source>Patrol record %1</source>
            <translation>排查记录表 %1</translation>
        </message>
        <message>
            <source>Patrol record corrected.</source>
            <translation>排查记录已修改。</translation>
        </message>
        <message>
            <source>Patrol recorded.</source>
            <translation>排查已记录。</translation>
        </message>
        <message>
            <source>Patrol timetable %1</source>
            <translation>%1排查表</translation>
        </message>
        <message>
            <source>Plan a recurring patrol</source>
            <translation>安排定期排查</translation>
        </message>
        <message>
            <source>Plan ended.</source>
            <translation>排查计划已结束。</translation>
        </message>
        <message>
            <source>Plan saved.</source>
            <translation>排查计划已保存。</translation>
        </message>
        <message>
            <source>Plans</source>
            <translation>排查计划</translation>
        </message>
        <message>
            <source>Preparing the record form…</source>
            <translation>正在生成排查记录表…</translation>
        </message>
        <message>
            <source>Preparing the timetable…</source>
            <translation>正在生成排查表…</translation>
        </message>
        <message>
            <source>Previous month</source>
            <translation>上个月</translation>
        </message>
        <message>
            <source>Previous month (PgUp)</source>
            <translation>上个月（PgUp）</translation>
        </message>
        <message>
            <source>Print &amp;timetable…</source>
            <translation>打印本月排查表(&amp;T)…</translation>
        </message>
        <message>
            <source>Print r&amp;ecord…</source>
            <translation>打印记录表(&amp;E)…</translation>
        </message>
        <message>
            <source>Print the record form…</source>
            <translation>打印排查记录表…</translation>
        </message>
        <message>
            <source>Record a patrol that was not planned</source>
            <translation>记录一次计划外的排查</translation>
        </message>
        <message>
            <source>Record the selected patrol (Enter on the week list)</source>
            <translation>记录所选排查（在周列表中按回车）</translation>
        </message>
        <message>
            <source>Registered as case %1.</source>
            <translation>已登记为案件 %1。</translation>
        </message>
        <message>
            <source>Save the schedule as an .ics file for phones</source>
            <translation>把排查日程保存为 .ics 文件，供手机日历导入</translation>
        </message>
        <message>
            <source>The month's timetable for the wall</source>
            <translation>本月排查表，张贴上墙用</translation>
        </message>
        <message>
            <source>The patrol record form of the selected patrol</source>
            <translation>所选排查的排查记录表</translation>
        </message>
        <message>
            <source>The record form could not be made: %1</source>
            <translation>无法生成排查记录表：%1</translation>
        </message>
        <message>
            <source>The timetable could not be made: %1</source>
            <translation>无法生成排查表：%1</translation>
        </message>
        <message>
            <source>This &amp;month</source>
            <translation>本月(&amp;M)</translation>
        </message>
        <message>
            <source>This month: %1 patrols held · %2 findings · %3 resolved on the spot · %4 became cases · %5 zero reports</source>
            <translation>本月：已排查 %1 次 · 发现 %2 件 · 当场化解 %3 件 · 转为案件 %4 件 · 零报告 %5 次</translation>
        </message>
        <message>
            <source>This patrol is still to come; it can be recorded on or after its day.</source>
            <translation>这次排查还没到日期，当天或之后才能记录。</translation>
        </message>
        <message>
            <source>iCalendar files (*.ics)</source>
            <translation>iCalendar 日历文件 (*.ics)</translation>
        </message>
    </context>
    <context>
        <name>PatrolWeek</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Mark</source>
            <translation>情况</translation>
        </message>
        <message>
            <source>No patrols planned this week.</source>
            <translation>本周没有安排排查。</translation>
        </message>
        <message>
            <source>Patrols of the week</source>
            <translation>本周排查</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>排查人员</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Villages</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Week of %1 – %2</source>
            <translation>%1 至 %2 这一周</translation>
        </message>
    </context>
    <context>
        <name>PetitionDetail</name>
        <message>
            <source> (extended %1 days: %2)</source>
            <translation>（已延长%1天：%2）</translation>
        </message>
        <message>
            <source>&amp;Assess…</source>
            <translation>研判(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Joint meeting…</source>
            <translation>联席会议(&amp;J)…</translation>
        </message>
        <message>
            <source>A&amp;nswer…</source>
            <translation>答复来访人(&amp;N)…</translation>
        </message>
        <message>
            <source>About: %1</source>
            <translation>被反映人或单位：%1</translation>
        </message>
        <message>
            <source>Answer (反馈)</source>
            <translation>反馈</translation>
        </message>
        <message>
            <source>Assessment (研判)</source>
            <translation>研判</translation>
        </message>
        <message>
            <source>Assi&amp;gn…</source>
            <translation>交办督办(&amp;G)…</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>交办日期</translation>
        </message>
        <message>
            <source>C&amp;lose…</source>
            <translation>办结(&amp;L)…</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>办结</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>承办部门</translation>
        </message>
        <message>
            <source>Department's &amp;result…</source>
            <translation>登记办理结果(&amp;R)…</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>E&amp;xtend…</source>
            <translation>延长期限(&amp;X)…</translation>
        </message>
        <message>
            <source>Earlier: %1</source>
            <translation>此前记录：%1</translation>
        </message>
        <message>
            <source>Joint meetings (联席处置)</source>
            <translation>联席处置</translation>
        </message>
        <message>
            <source>Mediate as a &amp;case…</source>
            <translation>转为调解案件(&amp;C)…</translation>
        </message>
        <message>
            <source>Mediated as case %1</source>
            <translation>已转为调解案件 %1</translation>
        </message>
        <message>
            <source>No assignment yet.</source>
            <translation>尚未交办。</translation>
        </message>
        <message>
            <source>No meeting yet.</source>
            <translation>尚未召开联席会议。</translation>
        </message>
        <message>
            <source>No request chosen.</source>
            <translation>未选择来访事项。</translation>
        </message>
        <message>
            <source>Not answered yet.</source>
            <translation>尚未答复。</translation>
        </message>
        <message>
            <source>Not assessed yet. Forward or answer by %1; handle by %2.</source>
            <translation>尚未研判。应于%1前转送或告知去向，%2前办结。</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Open.</source>
            <translation>未办结。</translation>
        </message>
        <message>
            <source>People involved: %1</source>
            <translation>涉及人数：%1</translation>
        </message>
        <message>
            <source>Present: %1</source>
            <translation>参加部门：%1</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>打印记录</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>来访登记</translation>
        </message>
        <message>
            <source>Representatives: %1</source>
            <translation>代表：%1</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Return &amp;visit…</source>
            <translation>回访(&amp;V)…</translation>
        </message>
        <message>
            <source>Return visit</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Risk level: %1</source>
            <translation>风险等级：%1</translation>
        </message>
        <message>
            <source>Show full ID and phone</source>
            <translation>显示完整证件号和电话</translation>
        </message>
        <message>
            <source>State</source>
            <translation>办理情况</translation>
        </message>
        <message>
            <source>Supervision (督办)</source>
            <translation>督办</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>交办事项</translation>
        </message>
        <message>
            <source>The request's loop</source>
            <translation>来访事项办理过程</translation>
        </message>
        <message>
            <source>due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <source>due soon</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>received by %1</source>
            <translation>接待人%1</translation>
        </message>
        <message>
            <source>result %1: %2</source>
            <translation>%1 已报送：%2</translation>
        </message>
        <message>
            <source>the person answered</source>
            <translation>已答复来访人</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>办理中</translation>
        </message>
    </context>
    <context>
        <name>PetitionList</name>
        <message>
            <source> (overdue)</source>
            <translation>（逾期）</translation>
        </message>
        <message>
            <source>%1 requests</source>
            <translation>共%1件</translation>
        </message>
        <message>
            <source>&amp;Overdue only</source>
            <translation>只看逾期(&amp;O)</translation>
        </message>
        <message>
            <source>, %1 overdue</source>
            <translation>，其中逾期%1件</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>All villages</source>
            <translation>全部村（社区）</translation>
        </message>
        <message>
            <source>Assigned to: %1</source>
            <translation>承办部门：%1</translation>
        </message>
        <message>
            <source>Case: %1</source>
            <translation>调解案件：%1</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>承办部门</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>来访人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>来访登记</translation>
        </message>
        <message>
            <source>Search requests</source>
            <translation>搜索来访事项</translation>
        </message>
        <message>
            <source>Search…</source>
            <translation>搜索…</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Visitor requests</source>
            <translation>来访事项</translation>
        </message>
    </context>
    <context>
        <name>PetitionLists</name>
        <message>
            <source>&amp;Pattern</source>
            <translation>格式(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Save pattern</source>
            <translation>保存编号格式(&amp;S)</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>事项类别</translation>
        </message>
        <message>
            <source>Departments</source>
            <translation>承办部门</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Number pattern</source>
            <translation>来访编号格式</translation>
        </message>
        <message>
            <source>Property alliance members</source>
            <translation>物业管理司法联盟成员</translation>
        </message>
        <message>
            <source>Request numbers</source>
            <translation>来访编号</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>{year}, {seq} and {prefix} are replaced, as in case numbers.</source>
            <translation>{year}、{seq}、{prefix} 分别替换为年份、序号和调委会简称，与案件编号相同。</translation>
        </message>
    </context>
    <context>
        <name>PetitionPreviewDialog</name>
        <message>
            <source>Done, but it could not be filed to the request: %1</source>
            <translation>已完成，但未能记入来访事项：%1</translation>
        </message>
    </context>
    <context>
        <name>PetitionView</name>
        <message>
            <source> (not ready)</source>
            <translation>（尚不能打印）</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑登记(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Receive a visitor…</source>
            <translation>接访登记(&amp;R)…</translation>
        </message>
        <message>
            <source>Compounds</source>
            <translation>小区</translation>
        </message>
        <message>
            <source>Correct what was written down at registration</source>
            <translation>更正接访登记时记下的内容</translation>
        </message>
        <message>
            <source>Duty and appointments</source>
            <translation>坐班与预约</translation>
        </message>
        <message>
            <source>Lists</source>
            <translation>名录</translation>
        </message>
        <message>
            <source>Open case %1</source>
            <translation>打开案件 %1</translation>
        </message>
        <message>
            <source>Open the &amp;case</source>
            <translation>打开案件(&amp;C)</translation>
        </message>
        <message>
            <source>Registered %1.</source>
            <translation>已登记 %1。</translation>
        </message>
        <message>
            <source>Registered as case %1.</source>
            <translation>已登记为调解案件 %1。</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>来访事项</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>The person</source>
            <translation>来访人</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>%1 — next: %2</source>
            <translation>%1 — 接下来：%2</translation>
        </message>
        <message>
            <source>&amp;Cadence</source>
            <translation>周期(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Focus topics</source>
            <translation>排查重点(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Lead</source>
            <translation>负责人(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>计划名称(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Villages</source>
            <translation>村（社区）(&amp;V)</translation>
        </message>
        <message>
            <source>Add a village not in the list…</source>
            <translation>添加列表中没有的村…</translation>
        </message>
        <message>
            <source>Custom RRULE</source>
            <translation>自定义 RRULE</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <source>Edit patrol plan</source>
            <translation>修改排查计划</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>设结束日期</translation>
        </message>
        <message>
            <source>Every 10 days</source>
            <translation>每10天</translation>
        </message>
        <message>
            <source>Every week on</source>
            <translation>每周</translation>
        </message>
        <message>
            <source>Monthly, first</source>
            <translation>每月第一个</translation>
        </message>
        <message>
            <source>N&amp;ote</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <source>Next dates</source>
            <translation>接下来的日期</translation>
        </message>
        <message>
            <source>No patrol falls in this period.</source>
            <translation>这段时间内一次排查也没有。</translation>
        </message>
        <message>
            <source>Not in the village list yet, will be added: %1</source>
            <translation>村列表中还没有，保存时将添加：%1</translation>
        </message>
        <message>
            <source>Patrol plan</source>
            <translation>排查计划</translation>
        </message>
        <message>
            <source>Press Enter or Save again to save anyway.</source>
            <translation>再按一次回车或“仍然保存”即保存。</translation>
        </message>
        <message>
            <source>RRULE</source>
            <translation>RRULE 规则</translation>
        </message>
        <message>
            <source>Save &amp;anyway</source>
            <translation>仍然保存(&amp;A)</translation>
        </message>
        <message>
            <source>Starts o&amp;n</source>
            <translation>开始日期(&amp;N)</translation>
        </message>
        <message>
            <source>T&amp;ime</source>
            <translation>时间(&amp;I)</translation>
        </message>
        <message>
            <source>Tea&amp;m</source>
            <translation>排查人员(&amp;M)</translation>
        </message>
        <message>
            <source>The cadence cannot be read: %1</source>
            <translation>周期规则有误：%1</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>结束日期早于开始日期。</translation>
        </message>
        <message>
            <source>The plan could not be saved: %1 Nothing was written; try again.</source>
            <translation>排查计划未能保存：%1 没有写入任何内容，请重试。</translation>
        </message>
        <message>
            <source>Twice a month (1st and 16th)</source>
            <translation>每半月（1日和16日）</translation>
        </message>
        <message>
            <source>Type an RFC 5545 rule, for example FREQ=WEEKLY;BYDAY=MO.</source>
            <translation>请填写 RFC 5545 规则，例如 FREQ=WEEKLY;BYDAY=MO。</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Villages</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Weekday</source>
            <translation>星期</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间安排</translation>
        </message>
        <message>
            <source>e.g. 山林土地、农村建房</source>
            <translation>如：山林土地、农村建房</translation>
        </message>
        <message>
            <source>e.g. 湖二村定期排查</source>
            <translation>如：湖二村定期排查</translation>
        </message>
        <message>
            <source>for</source>
            <translation>时长</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <source>Before printing, please check:</source>
            <translation>打印前请核对：</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>无法保存 %1：%2</translation>
        </message>
        <message>
            <source>Done, but it could not be filed to the case: %1</source>
            <translation>已完成，但未能登记到本案：%1</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>适合宽度</translation>
        </message>
        <message>
            <source>Open in &amp;system viewer</source>
            <translation>用系统程序打开(&amp;S)</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>第 %1 页 共 %2 页</translation>
        </message>
        <message>
            <source>Page preview</source>
            <translation>页面预览</translation>
        </message>
        <message>
            <source>Preview — %1</source>
            <translation>打印预览 — %1</translation>
        </message>
        <message>
            <source>Print %1</source>
            <translation>打印%1</translation>
        </message>
        <message>
            <source>Printing %1…</source>
            <translation>正在打印%1…</translation>
        </message>
        <message>
            <source>Printing cancelled; nothing was printed.</source>
            <translation>已取消打印，没有打印任何内容。</translation>
        </message>
        <message>
            <source>Printing failed: %1</source>
            <translation>打印失败：%1</translation>
        </message>
        <message>
            <source>Printing from another program is not filed to the case.</source>
            <translation>在其他程序中打印不会登记到本案。</translation>
        </message>
        <message>
            <source>Save &amp;as PDF…</source>
            <translation>另存为PDF(&amp;A)…</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>另存为PDF</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>已保存到 %1</translation>
        </message>
        <message numerus="yes">
            <source>Sent to the printer: %n copy(ies).</source>
            <translation>
                <numerusform>已送打印机：%n 份。</numerusform>
            </translation>
        </message>
        <message>
            <source>Whole page</source>
            <translation>整页</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>A party expressly refuses mediation (Art 17): the room must not mediate. Record who refused and the reason given.</source>
            <translation>当事人明确拒绝调解的，不得调解（《人民调解法》第十七条）。请写明是哪一方拒绝，以及拒绝的理由。</translation>
        </message>
        <message>
            <source>A reason is required.</source>
            <translation>请填写原因。</translation>
        </message>
        <message>
            <source>A term of the agreement is not performed yet (promised, or found not done at a follow-up). Closing ends the room's supervision of it (Art 31): write why the case is closed now — for example, a party went to court, or the term was waived.</source>
            <translation>协议还有条款未履行完毕（承诺履行，或回访发现未履行）。结案即结束本委员会对履行的督促（人民调解法第三十一条），请写明现在结案的原因，例如一方已向法院起诉，或权利人放弃该项权利。</translation>
        </message>
        <message>
            <source>Close the case</source>
            <translation>结案</translation>
        </message>
        <message>
            <source>Insert the notice of other routes</source>
            <translation>插入终止调解告知语</translation>
        </message>
        <message>
            <source>Mediation ends without an agreement (People's Mediation Law Art 26). Write why, and note that the parties were told which routes remain: arbitration, administrative channels or the court.</source>
            <translation>未达成调解协议，终止调解（《人民调解法》第二十六条）。请写明终止的原因，并注明已告知当事人可以通过仲裁、行政或者司法等途径维护自己的权利。</translation>
        </message>
        <message>
            <source>Reason *</source>
            <translation>原因*</translation>
        </message>
        <message>
            <source>Record refusal of mediation</source>
            <translation>记录拒绝调解</translation>
        </message>
        <message>
            <source>Terminate mediation</source>
            <translation>终止调解</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>&amp;Insert passage</source>
            <translation>插入(&amp;I)</translation>
        </message>
        <message>
            <source>Add record — %1</source>
            <translation>添加记录 — %1</translation>
        </message>
        <message>
            <source>Common passage</source>
            <translation>常用语段</translation>
        </message>
        <message>
            <source>Common passages</source>
            <translation>常用语段</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <source>Names separated by 、 — parties, relatives, village elders…</source>
            <translation>姓名之间用“、”隔开，如当事人、亲属、村里老人…</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>参加人</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Private: only I and the committee director can read it</source>
            <translation>私密：仅本人和调委会主任可以查看</translation>
        </message>
        <message>
            <source>Record *</source>
            <translation>记录内容*</translation>
        </message>
        <message>
            <source>The time is before the case was received (%1).</source>
            <translation>记录时间早于受理日期（%1）。</translation>
        </message>
        <message>
            <source>This case is closed: the record will be kept as a dated addendum (补充).</source>
            <translation>本案已结案：这条记录将作为“补充”记录保存，并注明日期。</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Write the record first.</source>
            <translation>请先填写记录内容。</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>&amp;New password</source>
            <translation>新密码(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Repeat new password</source>
            <translation>确认新密码(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>用户名(&amp;U)</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>至少 %1 个字符。</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>请填写此项。</translation>
        </message>
        <message>
            <source>Recovery &amp;key</source>
            <translation>恢复密钥(&amp;K)</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>This recovery key does not open the register.</source>
            <translation>这个恢复密钥打不开数据库</translation>
        </message>
        <message>
            <source>Type the recovery key printed when the register was set up (kept by the committee director), the account to unlock, and a new password for it twice. The recovery is written to the audit trail.</source>
            <translation>请输入建立数据库时打印的恢复密钥（由调委会主任保管）、要解锁的账户，以及两遍新密码。这次恢复会记入操作记录。</translation>
        </message>
        <message>
            <source>Unlock and set password</source>
            <translation>解锁并设置新密码</translation>
        </message>
        <message>
            <source>Unlock with the recovery key</source>
            <translation>用恢复密钥解锁</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Mediator</source>
            <translation>调解员</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>案件编号</translation>
        </message>
        <message numerus="yes">
            <source>Overdue %n day(s)</source>
            <translation>
                <numerusform>超期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>风险等级</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>案件名称</translation>
        </message>
        <message>
            <source>To check</source>
            <translation>待核对</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
    </context>
    <context>
        <name>RegisterView</name>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>共 %n 件</numerusform>
            </translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Case register</source>
            <translation>案件登记簿</translation>
        </message>
        <message>
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Every case not yet closed: mediating, followed up, or ended and waiting to be closed</source>
            <translation>尚未结案的全部案件：调解中、回访中，或已终止待结案的</translation>
        </message>
        <message>
            <source>Imported cases whose outcome or dates the import could not tell; they count no time limit until checked.</source>
            <translation>导入时无法判明调解结果或日期的案件；核对之前不计调解期限。</translation>
        </message>
        <message>
            <source>Imported, to check</source>
            <translation>导入待核对</translation>
        </message>
        <message>
            <source>In hand</source>
            <translation>在办</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <source>M&amp;y cases</source>
            <translation>我的(&amp;Y)</translation>
        </message>
        <message>
            <source>Mediator</source>
            <translation>调解员</translation>
        </message>
        <message>
            <source>Only the cases where I am a mediator</source>
            <translation>只看我担任调解员的案件</translation>
        </message>
        <message>
            <source>Overdue only</source>
            <translation>只看超期</translation>
        </message>
        <message>
            <source>Red text: past the mediation period.</source>
            <translation>红字：已超过调解期限。</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>orange risk</source>
            <translation>橙色风险</translation>
        </message>
        <message>
            <source>red risk</source>
            <translation>红色风险</translation>
        </message>
        <message>
            <source>— row colour of cases in hand; closed cases are not coloured.</source>
            <translation>—— 在办案件按风险等级标底色，已结案的不标。</translation>
        </message>
    </context>
    <context>
        <name>RemindersDialog</name>
        <message>
            <source>Case number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <source>Case or patrol</source>
            <translation>案件或排查</translation>
        </message>
        <message>
            <source>Due today and tomorrow — mine:</source>
            <translation>今明两天我要办的事：</translation>
        </message>
        <message>
            <source>Due today and tomorrow — the room:</source>
            <translation>今明两天调解室要办的事：</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>提醒</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Tomorrow</source>
            <translation>明天</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
    </context>
    <context>
        <name>RequestDialog</name>
        <message>
            <source>&amp;Channel</source>
            <translation>来访方式(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Gender</source>
            <translation>性别(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;ID number</source>
            <translation>身份证号码(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Name *</source>
            <translation>姓名(&amp;N)*</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>联系电话(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Village</source>
            <translation>村（社区）(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;When *</source>
            <translation>来访时间(&amp;W)*</translation>
        </message>
        <message>
            <source>A&amp;ddress</source>
            <translation>住址(&amp;D)</translation>
        </message>
        <message>
            <source>About (person or body)</source>
            <translation>被反映人或单位</translation>
        </message>
        <message>
            <source>Ca&amp;tegory *</source>
            <translation>事项类别(&amp;T)*</translation>
        </message>
        <message>
            <source>Co&amp;mpound</source>
            <translation>小区(&amp;M)</translation>
        </message>
        <message>
            <source>Earlier visits and cases of this person:</source>
            <translation>此人此前的来访和案件：</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>People involved</source>
            <translation>涉及人数</translation>
        </message>
        <message>
            <source>Receive a visitor's request</source>
            <translation>接访登记</translation>
        </message>
        <message>
            <source>Received &amp;by</source>
            <translation>接待人(&amp;B)</translation>
        </message>
        <message>
            <source>Representatives</source>
            <translation>代表</translation>
        </message>
        <message>
            <source>What they ask *</source>
            <translation>诉求内容*</translation>
        </message>
        <message>
            <source>Write down what the person asks in their own words; a request made orally is recorded as faithfully as a letter.</source>
            <translation>如实记录来访人的诉求；口头提出的诉求应与来信同样完整记录。</translation>
        </message>
        <message>
            <source>names separated by 、</source>
            <translation>姓名之间用“、”分隔</translation>
        </message>
        <message>
            <source>not stated</source>
            <translation>未填写</translation>
        </message>
    </context>
    <context>
        <name>RequestEditDialog</name>
        <message>
            <source>Edit the registration — %1</source>
            <translation>编辑来访登记 — %1</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>&amp;Password of %1</source>
            <translation>%1 的密码(&amp;P)</translation>
        </message>
        <message>
            <source>It will take the place of the register %1. The current register is not deleted: it is kept beside it, with “.replaced-” and the time added to its name.</source>
            <translation>备份将替换数据库 %1。当前的数据库不会被删除，而是保留在它旁边，文件名后面加上“.replaced-”和时间。</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>请填写此项。</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Restore and close the program</source>
            <translation>恢复并关闭程序</translation>
        </message>
        <message>
            <source>Restore the backup of %1 (%2)?</source>
            <translation>要恢复 %1 的备份（%2）吗？</translation>
        </message>
        <message>
            <source>The backup must open with your password. If you changed it after the backup was made, type the password you had then.</source>
            <translation>需要用您的密码打开备份。如果备份之后您改过密码，请输入当时的密码。</translation>
        </message>
        <message>
            <source>The program closes when the restore is done; start it again and log in.</source>
            <translation>恢复完成后程序会关闭，请重新启动并登录。</translation>
        </message>
        <message>
            <source>Work saved after the backup was made is not in it.</source>
            <translation>备份之后保存的内容不在这个备份里。</translation>
        </message>
    </context>
    <context>
        <name>ResultDialog</name>
        <message>
            <source> days</source>
            <translation>天</translation>
        </message>
        <message>
            <source>%1, %2, due %3</source>
            <translation>%1，%2，%3前</translation>
        </message>
        <message>
            <source>&amp;Assignment</source>
            <translation>交办记录(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Result *</source>
            <translation>办理结果(&amp;R)*</translation>
        </message>
        <message>
            <source>A deadline may be extended once, by at most %1 days, with the head's approval; the person is told the reason.</source>
            <translation>办理期限经负责人批准可以延长一次，最多%1天，并将延长理由告知来访人。</translation>
        </message>
        <message>
            <source>Department's result — %1</source>
            <translation>登记办理结果 — %1</translation>
        </message>
        <message>
            <source>Extend &amp;by</source>
            <translation>延长(&amp;B)</translation>
        </message>
        <message>
            <source>Extend the deadline — %1</source>
            <translation>延长办理期限 — %1</translation>
        </message>
        <message>
            <source>No open assignment.</source>
            <translation>没有未办结的交办事项。</translation>
        </message>
        <message>
            <source>Rea&amp;son *</source>
            <translation>延长理由(&amp;S)*</translation>
        </message>
        <message>
            <source>Replied &amp;on</source>
            <translation>办结日期(&amp;O)</translation>
        </message>
        <message>
            <source>What the department did and replied.</source>
            <translation>承办部门的办理情况和答复。</translation>
        </message>
    </context>
    <context>
        <name>RetentionView</name>
        <message>
            <source> years</source>
            <translation> 年</translation>
        </message>
        <message>
            <source>&amp;Default period</source>
            <translation>默认期限(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>A&amp;nonymise selected…</source>
            <translation>匿名化所选卷宗(&amp;N)…</translation>
        </message>
        <message>
            <source>After a file is archived, the personal data in it is kept for the years set here for its dispute type. When that time has passed the file is listed on the right, and the administrator anonymises it: the parties' names are replaced by 当事人甲, 当事人乙…, ID numbers, phones, addresses and the text of records and agreements are removed. The figures counted in statistics (type, dates, outcome, amounts, village) stay.</source>
            <translation>卷宗归档后，其中的个人信息按所属纠纷类型在此设定的年限内保存。期限届满的卷宗列在右侧，由管理员进行匿名化处理：当事人姓名改为“当事人甲”“当事人乙”…，身份证号码、电话、地址以及记录和协议的正文将被删除。统计所用的数据（类型、日期、结果、金额、村居）予以保留。</translation>
        </message>
        <message>
            <source>Anonymise %1 files?

The parties' names are replaced by 当事人甲, 当事人乙…; ID numbers, phones, addresses and the text of records and agreements are removed. The figures counted in statistics stay.

This cannot be undone.</source>
            <translation>确定对 %1 件卷宗做匿名化处理吗？

当事人姓名将改为“当事人甲”“当事人乙”…；身份证号码、电话、地址以及记录和协议的正文将被删除。统计所用的数据予以保留。

此操作无法撤销。</translation>
        </message>
        <message>
            <source>Anonymise files</source>
            <translation>匿名化卷宗</translation>
        </message>
        <message>
            <source>Anonymised: %1. The personal data in these files is gone; their figures still count in statistics.</source>
            <translation>已匿名化：%1。这些卷宗中的个人信息已删除，其数据仍计入统计。</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>归档日期</translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <source>Counted from the day a file is archived. A dispute type set to “Default” follows the default period.</source>
            <translation>自卷宗归档之日起计算。设为“默认”的纠纷类型按默认期限保存。</translation>
        </message>
        <message>
            <source>Default (%1 years)</source>
            <translation>默认（%1 年）</translation>
        </message>
        <message>
            <source>Default period</source>
            <translation>默认期限</translation>
        </message>
        <message>
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Due since</source>
            <translation>到期日期</translation>
        </message>
        <message>
            <source>Files due</source>
            <translation>到期卷宗</translation>
        </message>
        <message>
            <source>Files due for anonymisation</source>
            <translation>待匿名化的到期卷宗</translation>
        </message>
        <message>
            <source>Files due: %1</source>
            <translation>到期卷宗：%1 件</translation>
        </message>
        <message>
            <source>How long files are kept</source>
            <translation>卷宗保存期限</translation>
        </message>
        <message>
            <source>Kept for</source>
            <translation>保存年限</translation>
        </message>
        <message>
            <source>No archived file has reached the end of its period.</source>
            <translation>没有已到保存期限的归档卷宗。</translation>
        </message>
        <message>
            <source>No longer in the pick list; older files may still have this type.</source>
            <translation>已不在选项列表中；以前的卷宗可能仍属此类型。</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>没有任何修改。</translation>
        </message>
        <message>
            <source>Only the administrator can change the periods or anonymise files. You can see them here.</source>
            <translation>只有管理员可以修改保存期限或对卷宗做匿名化处理，您在此只能查看。</translation>
        </message>
        <message>
            <source>Periods by dispute type</source>
            <translation>各纠纷类型的保存期限</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;F)</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>全选(&amp;A)</translation>
        </message>
        <message>
            <source>The periods were saved.</source>
            <translation>保存期限已保存。</translation>
        </message>
    </context>
    <context>
        <name>ReturnVisitDialog</name>
        <message>
            <source>&amp;On</source>
            <translation>回访日期(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Satisfaction</source>
            <translation>满意度(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Visit</source>
            <translation>回访安排(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;What was found *</source>
            <translation>回访情况(&amp;W)*</translation>
        </message>
        <message>
            <source>Return visit — %1</source>
            <translation>回访 — %1</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>A party refused mediation</source>
            <translation>当事人拒绝调解</translation>
        </message>
        <message>
            <source>As it stands (checked, nothing to change)</source>
            <translation>维持现状（已核对，无需更改）</translation>
        </message>
        <message>
            <source>Check an imported case</source>
            <translation>核对导入案件</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>结案日期</translation>
        </message>
        <message>
            <source>How it ended</source>
            <translation>调解结果</translation>
        </message>
        <message>
            <source>Mediated successfully</source>
            <translation>调解成功</translation>
        </message>
        <message>
            <source>Mediation failed</source>
            <translation>调解不成功</translation>
        </message>
        <message>
            <source>Mediation terminated</source>
            <translation>终止调解</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>核对说明</translation>
        </message>
        <message>
            <source>Only the director or an administrator may record how a case ended.</source>
            <translation>只有调委会主任或管理员可以补记调解结果。</translation>
        </message>
        <message>
            <source>The import could not tell how this case ended. Check the paper file, then confirm the case as it stands or record how it ended.</source>
            <translation>导入时无法判明这件案件的结果。请查阅纸质卷宗，然后确认维持现状，或补记实际的调解结果。</translation>
        </message>
        <message>
            <source>e.g. checked against the paper file on 5 December</source>
            <translation>例如：12月5日对照纸质卷宗核对</translation>
        </message>
    </context>
    <context>
        <name>RotaDialog</name>
        <message>
            <source> minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>%1 — next: %2</source>
            <translation>%1 — 接下来：%2</translation>
        </message>
        <message>
            <source>&amp;Appointment slot</source>
            <translation>每个预约时段(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Ends at</source>
            <translation>结束时间(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>开始日期(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>地点(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Receivers *</source>
            <translation>接访人员(&amp;R)*</translation>
        </message>
        <message>
            <source>&amp;Starts at</source>
            <translation>开始时间(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Title *</source>
            <translation>名称(&amp;T)*</translation>
        </message>
        <message>
            <source>&amp;Until</source>
            <translation>结束日期(&amp;U)</translation>
        </message>
        <message>
            <source>Cadence</source>
            <translation>周期</translation>
        </message>
        <message>
            <source>Duty rota</source>
            <translation>坐班接访安排</translation>
        </message>
        <message>
            <source>Edit the duty rota</source>
            <translation>修改坐班接访安排</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>设结束日期</translation>
        </message>
        <message>
            <source>Ever&amp;y</source>
            <translation>周期(&amp;Y)</translation>
        </message>
        <message>
            <source>Fridays</source>
            <translation>每周五</translation>
        </message>
        <message>
            <source>Mondays</source>
            <translation>每周一</translation>
        </message>
        <message>
            <source>RRULE</source>
            <translation>RRULE 规则</translation>
        </message>
        <message>
            <source>Saturdays</source>
            <translation>每周六</translation>
        </message>
        <message>
            <source>Sundays</source>
            <translation>每周日</translation>
        </message>
        <message>
            <source>Thursdays</source>
            <translation>每周四</translation>
        </message>
        <message>
            <source>Tuesdays</source>
            <translation>每周二</translation>
        </message>
        <message>
            <source>Type an RFC 5545 rule, for example FREQ=WEEKLY;BYDAY=MO.</source>
            <translation>请输入 RFC 5545 规则，例如 FREQ=WEEKLY;BYDAY=MO。</translation>
        </message>
        <message>
            <source>Wednesdays</source>
            <translation>每周三</translation>
        </message>
        <message>
            <source>Weekday</source>
            <translation>星期</translation>
        </message>
        <message>
            <source>the leader first, names separated by 、</source>
            <translation>带班领导在前，姓名之间用“、”分隔</translation>
        </message>
    </context>
    <context>
        <name>RotaEndDialog</name>
        <message>
            <source>%1 (%2). No duty days after the last day; appointments already booked stay until cancelled.</source>
            <translation>%1（%2）。最后一天之后不再安排坐班；已预约的来访保留，需逐一取消。</translation>
        </message>
        <message>
            <source>&amp;Last duty day</source>
            <translation>最后坐班日(&amp;L)</translation>
        </message>
        <message>
            <source>End the duty rota — %1</source>
            <translation>结束坐班接访安排 — %1</translation>
        </message>
    </context>
    <context>
        <name>RotaTab</name>
        <message>
            <source>&amp;Book…</source>
            <translation>预约(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Edit rota…</source>
            <translation>修改安排(&amp;E)…</translation>
        </message>
        <message>
            <source>Appointment booked.</source>
            <translation>已预约。</translation>
        </message>
        <message>
            <source>Appointment cancelled.</source>
            <translation>已取消预约。</translation>
        </message>
        <message>
            <source>Appointment slots</source>
            <translation>预约时段</translation>
        </message>
        <message>
            <source>Booked</source>
            <translation>预约人</translation>
        </message>
        <message>
            <source>Cancel the appointment</source>
            <translation>取消预约</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Duty days</source>
            <translation>坐班日</translation>
        </message>
        <message>
            <source>E&amp;nd rota…</source>
            <translation>结束安排(&amp;N)…</translation>
        </message>
        <message>
            <source>New &amp;rota…</source>
            <translation>新建坐班安排(&amp;R)…</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Recei&amp;ve this visitor…</source>
            <translation>接待该预约人(&amp;V)…</translation>
        </message>
        <message>
            <source>Receiver</source>
            <translation>接访人</translation>
        </message>
        <message>
            <source>Receivers</source>
            <translation>接访人员</translation>
        </message>
        <message>
            <source>Registered %1.</source>
            <translation>已登记 %1。</translation>
        </message>
        <message>
            <source>Rota</source>
            <translation>坐班安排</translation>
        </message>
        <message>
            <source>Rota ended.</source>
            <translation>坐班安排已结束。</translation>
        </message>
        <message>
            <source>Rota saved.</source>
            <translation>坐班安排已保存。</translation>
        </message>
        <message>
            <source>Slots on</source>
            <translation>预约时段日期</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>free</source>
            <translation>空闲</translation>
        </message>
    </context>
    <context>
        <name>SearchBox</name>
        <message>
            <source>Case number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <source>Found in</source>
            <translation>匹配内容</translation>
        </message>
        <message>
            <source>Nothing found for “%1”</source>
            <translation>没有找到与“%1”相关的内容</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Search name, pinyin initials, text… (Ctrl+F)</source>
            <translation>搜索姓名、拼音首字母、内容…（Ctrl+F）</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <source>A planned session cannot be in the past.</source>
            <translation>不能安排在已经过去的日期。</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>日期时间</translation>
        </message>
        <message>
            <source>Investigation visit</source>
            <translation>调查走访</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Mediation session</source>
            <translation>调解</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Plan a session</source>
            <translation>安排日程</translation>
        </message>
        <message>
            <source>e.g. invite the village elder; bring the site photos</source>
            <translation>例如：请村里老人到场；带上现场照片</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>%1 (inactive)</source>
            <translation>%1（已停用）</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Committee name</source>
            <translation>调委会名称(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>停用(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Room name</source>
            <translation>调解室名称(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save settings</source>
            <translation>保存设置(&amp;S)</translation>
        </message>
        <message>
            <source>A deactivated entry leaves the pick lists for new cases; old cases keep their labels, and it can be reactivated at any time.</source>
            <translation>停用的条目不再出现在新案件的选项中；旧案件仍保留原来的名称。停用后可以随时重新启用。</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Deactivate</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Display</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Dispute types</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Each scan, photo or document filed to a case may be at most this big. Files are stored encrypted in the register and go into every backup.</source>
            <translation>每个归档的扫描件、照片或文档不能超过这个大小。附件加密保存在数据库中，每次备份都会带上。</translation>
        </message>
        <message>
            <source>Ethnicities</source>
            <translation>民族</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Larger text for this computer's user; applied at once.</source>
            <translation>为本机当前用户放大字体，立即生效。</translation>
        </message>
        <message>
            <source>Largest attachment</source>
            <translation>附件大小上限</translation>
        </message>
        <message>
            <source>Mediation dead&amp;line</source>
            <translation>调解期限(&amp;L)</translation>
        </message>
        <message>
            <source>Mediation deadline</source>
            <translation>调解期限</translation>
        </message>
        <message>
            <source>New entry</source>
            <translation>新条目</translation>
        </message>
        <message>
            <source>Number &amp;prefix</source>
            <translation>编号前缀(&amp;P)</translation>
        </message>
        <message>
            <source>Number pa&amp;ttern</source>
            <translation>编号格式(&amp;T)</translation>
        </message>
        <message>
            <source>Only the director or administrator can change settings.</source>
            <translation>只有调委会主任或管理员可以修改设置。</translation>
        </message>
        <message>
            <source>Pick lists</source>
            <translation>选项列表</translation>
        </message>
        <message>
            <source>Printed documents</source>
            <translation>文书设置</translation>
        </message>
        <message>
            <source>Reacti&amp;vate</source>
            <translation>重新启用(&amp;V)</translation>
        </message>
        <message>
            <source>Risk levels</source>
            <translation>风险等级</translation>
        </message>
        <message>
            <source>Room and case numbers</source>
            <translation>调解室与案件编号</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Saved: files up to %1 MB.</source>
            <translation>已保存：每个附件不超过 %1 MB。</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>设置已保存。</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>案件来源</translation>
        </message>
        <message>
            <source>Te&amp;xt size</source>
            <translation>字体大小(&amp;X)</translation>
        </message>
        <message>
            <source>Text size</source>
            <translation>字体大小</translation>
        </message>
        <message>
            <source>The pattern may use {year}, {seq} (or {seq:03d} for 001) and {prefix}; {year} and {seq} exactly once. Numbers already issued do not change.</source>
            <translation>格式中可以使用 {year}、{seq}（写成 {seq:03d} 则显示为 001）和 {prefix}；{year} 和 {seq} 必须各出现一次。已经发出的编号不会改变。</translation>
        </message>
        <message>
            <source>Villages</source>
            <translation>村（社区）</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>&amp;Committee name</source>
            <translation>调委会名称(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Repeat password</source>
            <translation>确认密码(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Room name</source>
            <translation>调解室名称(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>用户名(&amp;U)</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <source>At least %1 characters. The register is encrypted with it: choose one you will remember.</source>
            <translation>至少 %1 个字符。数据库用这个密码加密，请设一个自己记得住的密码。</translation>
        </message>
        <message>
            <source>Case numbers</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <source>Create register</source>
            <translation>创建数据库</translation>
        </message>
        <message>
            <source>Every case gets a number with the committee's short name. The full pattern can be changed later under Settings.</source>
            <translation>每个案件的编号都带有调委会的简称。完整的编号格式以后可以在“设置”中修改。</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Example case number</source>
            <translation>案件编号示例</translation>
        </message>
        <message>
            <source>I have &amp;written down the recovery key</source>
            <translation>我已抄下恢复密钥(&amp;W)</translation>
        </message>
        <message>
            <source>Number &amp;prefix</source>
            <translation>编号前缀(&amp;P)</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>请填写此项。</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <source>Recovery key of the register %1</source>
            <translation>数据库 %1 的恢复密钥</translation>
        </message>
        <message>
            <source>Set up Mediation Desk</source>
            <translation>调解工作台初始设置</translation>
        </message>
        <message>
            <source>The administrator manages accounts and settings. Mediators' accounts can be added after the first login.</source>
            <translation>管理员负责管理账号和设置。调解员的账号可以在首次登录后添加。</translation>
        </message>
        <message>
            <source>The register has been created. This is its recovery key; it is shown only this once.</source>
            <translation>数据库已创建。下面是它的恢复密钥，只显示这一次。</translation>
        </message>
        <message>
            <source>The register will be created at: %1</source>
            <translation>数据库将创建在：%1</translation>
        </message>
        <message>
            <source>The two passwords do not match.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>There is no register on this computer yet. First, name the mediation room and its committee as they appear on documents.</source>
            <translation>这台电脑上还没有数据库。请先填写调解室和调委会的名称，要与文书上的写法一致。</translation>
        </message>
        <message>
            <source>Welcome to Mediation Desk</source>
            <translation>欢迎使用调解工作台</translation>
        </message>
        <message>
            <source>Write this key down or print it, and keep it in the director's safe. If every password is forgotten, only this key opens the register. Anyone who has it can read all cases: do not keep it with the computer.</source>
            <translation>请抄下或打印这个密钥，放在调委会主任的保险柜里保管。如果所有密码都忘了，只有用这个密钥才能打开数据库。任何人拿到它都能查看全部案件，请不要和电脑放在一起。</translation>
        </message>
    </context>
    <context>
        <name>StatisticsView</name>
        <message>
            <source> (year)</source>
            <translation>年</translation>
        </message>
        <message>
            <source>%1 points</source>
            <translation>%1个百分点</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1至%2</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s). Enter or double-click opens a case.</source>
            <translation>
                <numerusform>共%n件。按回车或双击打开案件。</numerusform>
            </translation>
        </message>
        <message>
            <source>; success rate = succeeded / (succeeded + not successful + terminated).</source>
            <translation>；调解成功率 = 调解成功 ÷（调解成功 + 调解不成功 + 终止调解）。</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Amount in agreements (yuan)</source>
            <translation>协议涉及金额（元）</translation>
        </message>
        <message>
            <source>Answered in time</source>
            <translation>按期答复（件）</translation>
        </message>
        <message>
            <source>Back to the default template</source>
            <translation>恢复默认模板</translation>
        </message>
        <message>
            <source>Basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <source>By dispute type</source>
            <translation>按纠纷类型</translation>
        </message>
        <message>
            <source>By mediator</source>
            <translation>按调解员</translation>
        </message>
        <message>
            <source>By village</source>
            <translation>按村（社区）</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>件数</translation>
        </message>
        <message>
            <source>Cases behind the figure</source>
            <translation>相关案件</translation>
        </message>
        <message>
            <source>Cases behind the figure — %1</source>
            <translation>相关案件 — %1</translation>
        </message>
        <message>
            <source>Cases per month</source>
            <translation>每月受理</translation>
        </message>
        <message>
            <source>Cases received</source>
            <translation>受理纠纷（件）</translation>
        </message>
        <message>
            <source>Cases received per month, by dispute type</source>
            <translation>每月受理纠纷（按类型）</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>增减</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>Could not write %1</source>
            <translation>无法写入 %1</translation>
        </message>
        <message>
            <source>County workbook…</source>
            <translation>县局报表…</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <source>Dispute type</source>
            <translation>纠纷类型</translation>
        </message>
        <message>
            <source>Disputes found</source>
            <translation>发现纠纷（件）</translation>
        </message>
        <message>
            <source>Double-click to list the cases</source>
            <translation>双击列出相关案件</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export picture</source>
            <translation>导出图片</translation>
        </message>
        <message>
            <source>Export picture…</source>
            <translation>导出图片…</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>不成功</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>主要指标</translation>
        </message>
        <message>
            <source>Findings registered as cases</source>
            <translation>转为案件（件）</translation>
        </message>
        <message>
            <source>Findings resolved</source>
            <translation>已化解（件）</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Group disputes</source>
            <translation>群体性纠纷（件）</translation>
        </message>
        <message>
            <source>Households visited</source>
            <translation>走访户数</translation>
        </message>
        <message>
            <source>Judicial confirmations</source>
            <translation>司法确认（件）</translation>
        </message>
        <message>
            <source>Lead mediator</source>
            <translation>主持调解员</translation>
        </message>
        <message>
            <source>Mediated successfully</source>
            <translation>调解成功（件）</translation>
        </message>
        <message>
            <source>Mediation</source>
            <translation>调解情况</translation>
        </message>
        <message>
            <source>Mediation terminated</source>
            <translation>终止调解（件）</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>按月</translation>
        </message>
        <message>
            <source>Month %1</source>
            <translation>%1月</translation>
        </message>
        <message>
            <source>Months with concluded cases</source>
            <translation>有结案的月份</translation>
        </message>
        <message>
            <source>Next period</source>
            <translation>下一期</translation>
        </message>
        <message>
            <source>No patrol</source>
            <translation>未排查</translation>
        </message>
        <message>
            <source>Not successful</source>
            <translation>调解不成功（件）</translation>
        </message>
        <message>
            <source>Notice board…</source>
            <translation>月度公示…</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>超期未复（件）</translation>
        </message>
        <message>
            <source>PNG pictures (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Patrol coverage</source>
            <translation>排查覆盖</translation>
        </message>
        <message>
            <source>Patrol coverage by village</source>
            <translation>各村（社区）排查覆盖</translation>
        </message>
        <message>
            <source>Patrolled, disputes found</source>
            <translation>已排查，发现纠纷</translation>
        </message>
        <message>
            <source>Patrolled, nothing found</source>
            <translation>已排查，未发现纠纷</translation>
        </message>
        <message>
            <source>Patrols held</source>
            <translation>排查（次）</translation>
        </message>
        <message>
            <source>People involved</source>
            <translation>涉及人数（人）</translation>
        </message>
        <message>
            <source>Period kind</source>
            <translation>统计期间</translation>
        </message>
        <message>
            <source>Preparing the report…</source>
            <translation>正在生成报表…</translation>
        </message>
        <message>
            <source>Prevented a criminal case</source>
            <translation>防止民转刑</translation>
        </message>
        <message>
            <source>Prevented a group fight</source>
            <translation>防止群体性械斗</translation>
        </message>
        <message>
            <source>Prevented a group petition</source>
            <translation>防止群体性上访</translation>
        </message>
        <message>
            <source>Prevented a suicide</source>
            <translation>防止民间纠纷引起自杀</translation>
        </message>
        <message>
            <source>Prevention (cases / people)</source>
            <translation>矛盾纠纷预防（件 / 人）</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>上一期</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>按季度</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>受理</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <source>Requests received</source>
            <translation>接待来访（件）</translation>
        </message>
        <message>
            <source>Same period last year</source>
            <translation>上年同期</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意（件）</translation>
        </message>
        <message>
            <source>Save the county workbook</source>
            <translation>保存县局报表</translation>
        </message>
        <message>
            <source>Save the template in use</source>
            <translation>导出当前模板</translation>
        </message>
        <message>
            <source>Save the template in use…</source>
            <translation>导出当前模板…</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>已保存到 %1</translation>
        </message>
        <message>
            <source>Screening patrols</source>
            <translation>矛盾纠纷排查</translation>
        </message>
        <message>
            <source>Statistics sheet…</source>
            <translation>打印统计表…</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Success rate</source>
            <translation>调解成功率</translation>
        </message>
        <message>
            <source>Success rate over twelve months</source>
            <translation>近十二个月调解成功率</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>报表模板</translation>
        </message>
        <message numerus="yes">
            <source>Template in use: %1 (%n named cell(s))</source>
            <translation>
                <numerusform>已使用模板：%1（%n个命名单元格）</numerusform>
            </translation>
        </message>
        <message>
            <source>The county's report template</source>
            <translation>县局报表模板</translation>
        </message>
        <message>
            <source>The default template is in use.</source>
            <translation>已恢复使用默认模板。</translation>
        </message>
        <message>
            <source>This period</source>
            <translation>本期</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>案件名称</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Unsatisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <source>Use the county's template…</source>
            <translation>使用县局的报表模板…</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Villages patrolled</source>
            <translation>排查村（社区）数</translation>
        </message>
        <message>
            <source>Visitor requests</source>
            <translation>来访接待</translation>
        </message>
        <message>
            <source>Writing the county workbook…</source>
            <translation>正在写出县局报表…</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>Zero reports</source>
            <translation>零报告（次）</translation>
        </message>
        <message>
            <source>of which %1</source>
            <translation>其中%1</translation>
        </message>
        <message>
            <source>oral agreements</source>
            <translation>口头协议</translation>
        </message>
        <message>
            <source>risk %1</source>
            <translation>其中%1色风险</translation>
        </message>
        <message>
            <source>same</source>
            <translation>持平</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>written agreements</source>
            <translation>书面协议</translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message numerus="yes">
            <source>%n item(s) need attention</source>
            <translation>
                <numerusform>共 %n 项待办</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;This week:</source>
            <translation>本周安排(&amp;T)：</translation>
        </message>
        <message numerus="yes">
            <source>, %n of them urgent</source>
            <translation>
                <numerusform>，其中 %n 项紧急</numerusform>
            </translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <source>Case or patrol</source>
            <translation>案件或排查</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Follow-up visits due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <source>Greeting</source>
            <translation>问候语</translation>
        </message>
        <message>
            <source>Hello, %1</source>
            <translation>%1，您好</translation>
        </message>
        <message>
            <source>Imported cases to check</source>
            <translation>导入待核对</translation>
        </message>
        <message>
            <source>Judicial confirmation windows closing</source>
            <translation>司法确认申请期限将到</translation>
        </message>
        <message>
            <source>Mediation deadlines near or past</source>
            <translation>调解期限将到或已超期</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>我的</translation>
        </message>
        <message>
            <source>Nothing due today. New disputes can be registered with Ctrl+N.</source>
            <translation>今天没有待办事项。按 Ctrl+N 可以登记新的纠纷。</translation>
        </message>
        <message>
            <source>Open red and orange findings</source>
            <translation>待处置的红色、橙色排查发现</translation>
        </message>
        <message>
            <source>Patrols not recorded</source>
            <translation>已过期未记录的排查</translation>
        </message>
        <message>
            <source>Receiving visitors today</source>
            <translation>今日坐班接访</translation>
        </message>
        <message>
            <source>This week (next 7 days)</source>
            <translation>本周安排（今后7天）</translation>
        </message>
        <message>
            <source>Today's patrols</source>
            <translation>今日排查</translation>
        </message>
        <message>
            <source>Today's sessions</source>
            <translation>今日日程</translation>
        </message>
        <message>
            <source>Today's work</source>
            <translation>今日工作</translation>
        </message>
        <message>
            <source>Unfinished drafts</source>
            <translation>未完成的草稿</translation>
        </message>
        <message>
            <source>Visitor requests due soon</source>
            <translation>来访事项即将到期</translation>
        </message>
        <message>
            <source>Visitor requests overdue</source>
            <translation>来访事项逾期未回复</translation>
        </message>
        <message>
            <source>Visitors booked today</source>
            <translation>今日预约接访</translation>
        </message>
        <message>
            <source>What is due</source>
            <translation>待办事项</translation>
        </message>
        <message>
            <source>Whole room</source>
            <translation>全调解室</translation>
        </message>
        <message>
            <source>Whose week</source>
            <translation>本周安排的范围</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <source> households</source>
            <translation> 户</translation>
        </message>
        <message>
            <source>&amp;Add a finding</source>
            <translation>添加一条发现(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>排查日期(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Households</source>
            <translation>走访户数(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Places visited</source>
            <translation>走访地点(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Team</source>
            <translation>排查人员(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Village</source>
            <translation>村（社区）(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Zero report — no dispute or risk found</source>
            <translation>零报告——未发现矛盾纠纷和风险隐患(&amp;Z)</translation>
        </message>
        <message>
            <source>A zero report has no findings: the %1 finding(s) typed below will not be saved (untick to keep them).</source>
            <translation>零报告不含排查发现：下面已填写的 %1 条发现不会保存（取消勾选即可保留）。</translation>
        </message>
        <message>
            <source>Ad-hoc patrol (not in a plan): recorded on its own.</source>
            <translation>临时排查（不属于任何计划），单独记录。</translation>
        </message>
        <message>
            <source>Already reported: it cannot be removed.</source>
            <translation>已有上报记录，不能删除。</translation>
        </message>
        <message>
            <source>Correct a patrol record</source>
            <translation>修改排查记录</translation>
        </message>
        <message>
            <source>Correcting the record of the patrol of %1. The date and the plan stay as recorded.</source>
            <translation>修改%1的排查记录。排查日期和排查计划保持原记录不变。</translation>
        </message>
        <message>
            <source>Keep the draft?</source>
            <translation>保留草稿吗？</translation>
        </message>
        <message>
            <source>Keep what you typed as a draft for later? It is listed on the Today page.</source>
            <translation>把已填写的内容保留为草稿以后再填吗？草稿会列在工作台上。</translation>
        </message>
        <message>
            <source>Lead first, e.g. 林春梅、陈志强</source>
            <translation>负责人写在最前，如：林春梅、陈志强</translation>
        </message>
        <message>
            <source>N&amp;ote</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <source>Patrol</source>
            <translation>排查情况</translation>
        </message>
        <message>
            <source>Planned patrol of %1</source>
            <translation>计划排查：%1</translation>
        </message>
        <message>
            <source>Planned patrol: %1</source>
            <translation>计划排查：%1</translation>
        </message>
        <message>
            <source>Record a patrol</source>
            <translation>记录排查</translation>
        </message>
        <message>
            <source>Registered as case %1: it cannot be removed.</source>
            <translation>已登记为案件 %1，不能删除。</translation>
        </message>
        <message>
            <source>Reports and results are recorded in the finding's own window (Findings tab).</source>
            <translation>上报和处置结果请在该条发现的窗口中记录（“排查发现”页签）。</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Save the record (Ctrl+Enter)</source>
            <translation>保存排查记录（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>The date cannot be corrected: a patrol held on another day is recorded again.</source>
            <translation>排查日期不能修改：在其他日期进行的排查请另行记录。</translation>
        </message>
        <message>
            <source>The record could not be saved: %1 Nothing was written and everything you typed is still here; try again.</source>
            <translation>排查记录未能保存：%1 没有写入任何内容，填写的内容都还在，请重试。</translation>
        </message>
        <message>
            <source>e.g. 村委会、3组、5组、集贸市场</source>
            <translation>如：村委会、3组、5组、集贸市场</translation>
        </message>
    </context>
    <context>
        <name>Workers</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
</TS>
