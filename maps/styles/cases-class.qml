<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="0" simplifyDrawingHints="0" simplifyDrawingTol="1" simplifyLocal="1" simplifyAlgorithm="0" simplifyMaxScale="1" readOnly="0" symbologyReferenceScale="-1">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <renderer-v2 type="RuleRenderer" symbollevels="1" forceraster="0" enableorderby="1" referencescale="-1">
  <orderby>
   <orderByClause asc="1" nullsFirst="0">CASE WHEN "deadline_status" = 'overdue' THEN 3 WHEN "deadline_status" = 'warning' THEN 2 WHEN "state" IN ('closed', 'rejected') THEN 0 ELSE 1 END</orderByClause>
  </orderby>
  <rules key="{root}">
   <rule key="{group-0}" label="时限">
    <rule key="{rule-0-0}" label="超期" symbol="0" filter="&quot;deadline_status&quot; = 'overdue'" />
    <rule key="{rule-0-1}" label="预警" symbol="1" filter="&quot;deadline_status&quot; = 'warning'" />
   </rule>
   <rule key="{group-1}" label="问题类别">
    <rule key="{rule-1-0}" label="C0101 上水井盖" symbol="2" filter="&quot;class_code&quot; = 'C0101'" />
    <rule key="{rule-1-1}" label="C0102 污水井盖" symbol="3" filter="&quot;class_code&quot; = 'C0102'" />
    <rule key="{rule-1-2}" label="C0103 雨水井盖" symbol="4" filter="&quot;class_code&quot; = 'C0103'" />
    <rule key="{rule-1-3}" label="C0104 雨水箅子" symbol="5" filter="&quot;class_code&quot; = 'C0104'" />
    <rule key="{rule-1-4}" label="C0105 电力井盖" symbol="6" filter="&quot;class_code&quot; = 'C0105'" />
    <rule key="{rule-1-5}" label="C0106 路灯井盖" symbol="7" filter="&quot;class_code&quot; = 'C0106'" />
    <rule key="{rule-1-6}" label="C0107 通信井盖" symbol="8" filter="&quot;class_code&quot; = 'C0107'" />
    <rule key="{rule-1-7}" label="C0108 燃气井盖" symbol="9" filter="&quot;class_code&quot; = 'C0108'" />
    <rule key="{rule-1-8}" label="C0110 消防栓" symbol="10" filter="&quot;class_code&quot; = 'C0110'" />
    <rule key="{rule-1-9}" label="C0114 路灯" symbol="11" filter="&quot;class_code&quot; = 'C0114'" />
    <rule key="{rule-1-10}" label="C0203 公交站亭" symbol="12" filter="&quot;class_code&quot; = 'C0203'" />
    <rule key="{rule-1-11}" label="C0205 交通信号灯" symbol="13" filter="&quot;class_code&quot; = 'C0205'" />
    <rule key="{rule-1-12}" label="C0206 交通标志牌" symbol="14" filter="&quot;class_code&quot; = 'C0206'" />
    <rule key="{rule-1-13}" label="C0207 道路护栏" symbol="15" filter="&quot;class_code&quot; = 'C0207'" />
    <rule key="{rule-1-14}" label="C0301 公共厕所" symbol="16" filter="&quot;class_code&quot; = 'C0301'" />
    <rule key="{rule-1-15}" label="C0305 广告牌匾" symbol="17" filter="&quot;class_code&quot; = 'C0305'" />
    <rule key="{rule-1-16}" label="C0309 果皮箱" symbol="18" filter="&quot;class_code&quot; = 'C0309'" />
    <rule key="{rule-1-17}" label="C0402 行道树" symbol="19" filter="&quot;class_code&quot; = 'C0402'" />
    <rule key="{rule-1-18}" label="C0403 绿地" symbol="20" filter="&quot;class_code&quot; = 'C0403'" />
    <rule key="{rule-1-19}" label="C0404 护树设施" symbol="21" filter="&quot;class_code&quot; = 'C0404'" />
    <rule key="{rule-1-20}" label="C0501 宣传栏" symbol="22" filter="&quot;class_code&quot; = 'C0501'" />
    <rule key="{rule-1-21}" label="C0602 施工围挡" symbol="23" filter="&quot;class_code&quot; = 'C0602'" />
    <rule key="{rule-1-22}" label="E0101 私搭乱建(正在施工)" symbol="24" filter="&quot;class_code&quot; = 'E0101'" />
    <rule key="{rule-1-23}" label="E0102 暴露垃圾" symbol="25" filter="&quot;class_code&quot; = 'E0102'" />
    <rule key="{rule-1-24}" label="E0103 积存垃圾渣土" symbol="26" filter="&quot;class_code&quot; = 'E0103'" />
    <rule key="{rule-1-25}" label="E0104 道路不洁" symbol="27" filter="&quot;class_code&quot; = 'E0104'" />
    <rule key="{rule-1-26}" label="E0105 水域不洁" symbol="28" filter="&quot;class_code&quot; = 'E0105'" />
    <rule key="{rule-1-27}" label="E0106 绿地脏乱" symbol="29" filter="&quot;class_code&quot; = 'E0106'" />
    <rule key="{rule-1-28}" label="E0107 乱堆物堆料" symbol="30" filter="&quot;class_code&quot; = 'E0107'" />
    <rule key="{rule-1-29}" label="E0108 焚烧垃圾树叶" symbol="31" filter="&quot;class_code&quot; = 'E0108'" />
    <rule key="{rule-1-30}" label="E0109 油烟污染" symbol="32" filter="&quot;class_code&quot; = 'E0109'" />
    <rule key="{rule-1-31}" label="E0110 噪声扰民" symbol="33" filter="&quot;class_code&quot; = 'E0110'" />
    <rule key="{rule-1-32}" label="E0111 垃圾满溢" symbol="34" filter="&quot;class_code&quot; = 'E0111'" />
    <rule key="{rule-1-33}" label="E0112 废弃家具" symbol="35" filter="&quot;class_code&quot; = 'E0112'" />
    <rule key="{rule-1-34}" label="E0113 私搭乱建(已建成)" symbol="36" filter="&quot;class_code&quot; = 'E0113'" />
    <rule key="{rule-1-35}" label="E0201 非法小广告" symbol="37" filter="&quot;class_code&quot; = 'E0201'" />
    <rule key="{rule-1-36}" label="E0202 违规广告招牌" symbol="38" filter="&quot;class_code&quot; = 'E0202'" />
    <rule key="{rule-1-37}" label="E0203 占道广告牌" symbol="39" filter="&quot;class_code&quot; = 'E0203'" />
    <rule key="{rule-1-38}" label="E0204 条幅横幅乱挂" symbol="40" filter="&quot;class_code&quot; = 'E0204'" />
    <rule key="{rule-1-39}" label="E0301 施工扰民" symbol="41" filter="&quot;class_code&quot; = 'E0301'" />
    <rule key="{rule-1-40}" label="E0302 工地扬尘" symbol="42" filter="&quot;class_code&quot; = 'E0302'" />
    <rule key="{rule-1-41}" label="E0303 道路遗撒" symbol="43" filter="&quot;class_code&quot; = 'E0303'" />
    <rule key="{rule-1-42}" label="E0304 施工占道" symbol="44" filter="&quot;class_code&quot; = 'E0304'" />
    <rule key="{rule-1-43}" label="E0305 围挡不规范" symbol="45" filter="&quot;class_code&quot; = 'E0305'" />
    <rule key="{rule-1-44}" label="E0306 无证掘路" symbol="46" filter="&quot;class_code&quot; = 'E0306'" />
    <rule key="{rule-1-45}" label="E0401 路面塌陷" symbol="47" filter="&quot;class_code&quot; = 'E0401'" />
    <rule key="{rule-1-46}" label="E0402 自来水管破裂" symbol="48" filter="&quot;class_code&quot; = 'E0402'" />
    <rule key="{rule-1-47}" label="E0403 燃气泄漏" symbol="49" filter="&quot;class_code&quot; = 'E0403'" />
    <rule key="{rule-1-48}" label="E0404 下水道堵塞" symbol="50" filter="&quot;class_code&quot; = 'E0404'" />
    <rule key="{rule-1-49}" label="E0405 道路积水" symbol="51" filter="&quot;class_code&quot; = 'E0405'" />
    <rule key="{rule-1-50}" label="E0406 道路积雪结冰" symbol="52" filter="&quot;class_code&quot; = 'E0406'" />
    <rule key="{rule-1-51}" label="E0407 路面破损" symbol="53" filter="&quot;class_code&quot; = 'E0407'" />
    <rule key="{rule-1-52}" label="E0408 道路障碍物" symbol="54" filter="&quot;class_code&quot; = 'E0408'" />
    <rule key="{rule-1-53}" label="E0501 占道经营" symbol="55" filter="&quot;class_code&quot; = 'E0501'" />
    <rule key="{rule-1-54}" label="E0502 流动摊贩" symbol="56" filter="&quot;class_code&quot; = 'E0502'" />
    <rule key="{rule-1-55}" label="E0503 店外经营" symbol="57" filter="&quot;class_code&quot; = 'E0503'" />
    <rule key="{rule-1-56}" label="E0504 机动车乱停放" symbol="58" filter="&quot;class_code&quot; = 'E0504'" />
    <rule key="{rule-1-57}" label="E0505 非机动车乱停放" symbol="59" filter="&quot;class_code&quot; = 'E0505'" />
    <rule key="{rule-1-58}" label="E0506 共享单车乱停放" symbol="60" filter="&quot;class_code&quot; = 'E0506'" />
    <rule key="{rule-1-59}" label="E0507 露天烧烤" symbol="61" filter="&quot;class_code&quot; = 'E0507'" />
    <rule key="{rule-1-60}" label="E0601 架空管线乱拉" symbol="62" filter="&quot;class_code&quot; = 'E0601'" />
    <rule key="{rule-1-61}" label="E0602 井盖破损(权属不明)" symbol="63" filter="&quot;class_code&quot; = 'E0602'" />
    <rule key="{rule-1-62}" label="E0603 渣土车违规" symbol="64" filter="&quot;class_code&quot; = 'E0603'" />
    <rule key="{rule-1-63}" label="E0604 门前三包不落实" symbol="65" filter="&quot;class_code&quot; = 'E0604'" />
    <rule key="{rule-1-64}" label="其他类别" symbol="66" filter="ELSE" />
   </rule>
  </rules>
  <symbols>
   <symbol alpha="1" force_rhr="0" name="0" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="229,57,53,0" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="229,57,53,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.6615" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="2.5135" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="229,57,53,0" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="229,57,53,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.6615" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="2.5135" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 2.5135, 1.9844)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="1" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,143,0,0" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="255,143,0,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.6615" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="2.5135" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,143,0,0" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="255,143,0,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.6615" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="2.5135" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 2.5135, 1.9844)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="2" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="31,119,180,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="31,119,180,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="31,119,180,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="31,119,180,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="3" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,127,14,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="255,127,14,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,127,14,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="255,127,14,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="4" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="44,160,44,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="44,160,44,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="44,160,44,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="44,160,44,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="5" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="214,39,40,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="214,39,40,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="214,39,40,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="214,39,40,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="6" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="148,103,189,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="148,103,189,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="148,103,189,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="148,103,189,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="7" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,86,75,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,86,75,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,86,75,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,86,75,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="8" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="227,119,194,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="227,119,194,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="227,119,194,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="227,119,194,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="9" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="127,127,127,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="127,127,127,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="127,127,127,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="127,127,127,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="10" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="188,189,34,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="188,189,34,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="188,189,34,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="188,189,34,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="11" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="23,190,207,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="23,190,207,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="23,190,207,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="23,190,207,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="12" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="57,59,121,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="57,59,121,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="57,59,121,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="57,59,121,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="13" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="99,121,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="99,121,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="99,121,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="99,121,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="14" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,109,49,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,109,49,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,109,49,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,109,49,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="15" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="132,60,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="132,60,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="132,60,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="132,60,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="16" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="31,119,180,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="31,119,180,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="31,119,180,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="31,119,180,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="17" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,127,14,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="255,127,14,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,127,14,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="255,127,14,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="18" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="44,160,44,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="44,160,44,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="44,160,44,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="44,160,44,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="19" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="214,39,40,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="214,39,40,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="214,39,40,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="214,39,40,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="20" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="148,103,189,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="148,103,189,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="148,103,189,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="148,103,189,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="21" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,86,75,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,86,75,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,86,75,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,86,75,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="22" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="227,119,194,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="227,119,194,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="227,119,194,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="227,119,194,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="23" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="127,127,127,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="127,127,127,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="127,127,127,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="127,127,127,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="24" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="188,189,34,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="188,189,34,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="188,189,34,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="188,189,34,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="25" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="23,190,207,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="23,190,207,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="23,190,207,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="23,190,207,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="26" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="57,59,121,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="57,59,121,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="57,59,121,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="57,59,121,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="27" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="99,121,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="99,121,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="99,121,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="99,121,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="28" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,109,49,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,109,49,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,109,49,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,109,49,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="29" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="132,60,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="132,60,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="132,60,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="132,60,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="30" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="31,119,180,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="31,119,180,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="31,119,180,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="31,119,180,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="31" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,127,14,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="255,127,14,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,127,14,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="255,127,14,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="32" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="44,160,44,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="44,160,44,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="44,160,44,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="44,160,44,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="33" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="214,39,40,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="214,39,40,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="214,39,40,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="214,39,40,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="34" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="148,103,189,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="148,103,189,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="148,103,189,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="148,103,189,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="35" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,86,75,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,86,75,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,86,75,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,86,75,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="36" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="227,119,194,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="227,119,194,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="227,119,194,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="227,119,194,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="37" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="127,127,127,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="127,127,127,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="127,127,127,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="127,127,127,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="38" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="188,189,34,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="188,189,34,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="188,189,34,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="188,189,34,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="39" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="23,190,207,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="23,190,207,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="23,190,207,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="23,190,207,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="40" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="57,59,121,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="57,59,121,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="57,59,121,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="57,59,121,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="41" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="99,121,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="99,121,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="99,121,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="99,121,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="42" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,109,49,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,109,49,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,109,49,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,109,49,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="43" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="132,60,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="132,60,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="132,60,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="132,60,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="44" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="31,119,180,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="31,119,180,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="31,119,180,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="31,119,180,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="45" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,127,14,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="255,127,14,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,127,14,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="255,127,14,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="46" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="44,160,44,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="44,160,44,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="44,160,44,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="44,160,44,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="47" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="214,39,40,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="214,39,40,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="214,39,40,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="214,39,40,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="48" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="148,103,189,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="148,103,189,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="148,103,189,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="148,103,189,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="49" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,86,75,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,86,75,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,86,75,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,86,75,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="50" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="227,119,194,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="227,119,194,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="227,119,194,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="227,119,194,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="51" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="127,127,127,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="127,127,127,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="127,127,127,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="127,127,127,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="52" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="188,189,34,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="188,189,34,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="188,189,34,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="188,189,34,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="53" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="23,190,207,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="23,190,207,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="23,190,207,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="23,190,207,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="54" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="57,59,121,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="57,59,121,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="57,59,121,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="57,59,121,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="55" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="99,121,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="99,121,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="99,121,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="99,121,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="56" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,109,49,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,109,49,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,109,49,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,109,49,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="57" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="132,60,57,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="132,60,57,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="132,60,57,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="132,60,57,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="58" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="31,119,180,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="31,119,180,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="31,119,180,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="31,119,180,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="59" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,127,14,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="255,127,14,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,127,14,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="255,127,14,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="60" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="44,160,44,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="44,160,44,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="44,160,44,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="44,160,44,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="61" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="214,39,40,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="214,39,40,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="214,39,40,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="214,39,40,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="62" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="148,103,189,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="148,103,189,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="148,103,189,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="148,103,189,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="63" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="140,86,75,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="140,86,75,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,86,75,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="140,86,75,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="64" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="227,119,194,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="227,119,194,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="227,119,194,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="227,119,194,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="65" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="127,127,127,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="127,127,127,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="127,127,127,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="127,127,127,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="66" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="136,136,136,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="136,136,136,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="136,136,136,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="136,136,136,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <layerOpacity>1</layerOpacity>
 <legend type="default-vector" showLabelLegend="0" />
 <aliases>
  <alias field="number" index="0" name="案卷号" />
  <alias field="id" index="1" name="编号" />
  <alias field="reported_at" index="2" name="上报时间" />
  <alias field="source" index="3" name="来源代码" />
  <alias field="kind" index="4" name="类型" />
  <alias field="class_code" index="5" name="小类代码" />
  <alias field="class_name" index="6" name="问题类别" />
  <alias field="state" index="7" name="状态代码" />
  <alias field="description" index="8" name="问题描述" />
  <alias field="address" index="9" name="地址" />
  <alias field="cell_code" index="10" name="网格编码" />
  <alias field="community_code" index="11" name="社区代码" />
  <alias field="street_code" index="12" name="街道代码" />
  <alias field="street" index="13" name="街道" />
  <alias field="external_id" index="14" name="热线工单号" />
  <alias field="deadline_at" index="15" name="处置时限" />
  <alias field="warning_at" index="16" name="预警时间" />
  <alias field="dispatched_at" index="17" name="派遣时间" />
  <alias field="rectified_at" index="18" name="处置时间" />
  <alias field="verified_at" index="19" name="核查时间" />
  <alias field="closed_at" index="20" name="结案时间" />
  <alias field="department" index="21" name="责任部门" />
  <alias field="road_chief" index="22" name="路长" />
  <alias field="return_count" index="23" name="退回次数" />
  <alias field="rework_count" index="24" name="返工次数" />
  <alias field="extension_count" index="25" name="延期次数" />
  <alias field="reopen_count" index="26" name="重开次数" />
  <alias field="supervision_count" index="27" name="督办次数" />
  <alias field="duplicate_of" index="28" name="重复于" />
  <alias field="satisfaction" index="29" name="满意度" />
  <alias field="updated_at" index="30" name="更新时间" />
  <alias field="time_limit_minutes" index="31" name="时限(工作分钟)" />
  <alias field="state_zh" index="32" name="状态" />
  <alias field="source_zh" index="33" name="来源" />
  <alias field="deadline_status" index="34" name="时限状态" />
  <alias field="assignee" index="35" name="责任单位" />
  <alias field="lon" index="36" name="经度" />
  <alias field="lat" index="37" name="纬度" />
 </aliases>
 <layerGeometryType>0</layerGeometryType>
</qgis>
