<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="1" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyAlgorithm="0" simplifyMaxScale="1" readOnly="0" symbologyReferenceScale="-1">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1">
  <symbols>
   <symbol alpha="1" force_rhr="0" name="0" type="line" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleLine" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="round" name="capstyle" type="QString" />
      <Option value="round" name="joinstyle" type="QString" />
      <Option value="136,136,136,255" name="line_color" type="QString" />
      <Option value="solid" name="line_style" type="QString" />
      <Option value="0.6615" name="line_width" type="QString" />
      <Option value="MM" name="line_width_unit" type="QString" />
      <Option value="0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="0" name="use_custom_dash" type="QString" />
      <Option value="0" name="draw_inside_polygon" type="QString" />
     </Option>
     <prop k="capstyle" v="round" />
     <prop k="joinstyle" v="round" />
     <prop k="line_color" v="136,136,136,255" />
     <prop k="line_style" v="solid" />
     <prop k="line_width" v="0.6615" />
     <prop k="line_width_unit" v="MM" />
     <prop k="offset" v="0" />
     <prop k="offset_unit" v="MM" />
     <prop k="use_custom_dash" v="0" />
     <prop k="draw_inside_polygon" v="0" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="outlineColor" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(&quot;chief_id&quot; IS NULL, '#888888', array_get(array('#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39'), &quot;chief_id&quot; % 14))" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="outlineWidth" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 75591, 0.6615, 0.3969)" name="expression" type="QString" />
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
 <labeling type="simple">
  <settings calloutType="simple">
   <text-style fieldName="road_name" isExpression="0" fontFamily="WenQuanYi Micro Hei" fontSize="9" fontSizeUnit="Point" fontWeight="50" textColor="60,60,60,255" textOpacity="1" namedStyle="" fontItalic="0" fontUnderline="0" fontStrikeout="0" fontKerning="1" multilineHeight="1" blendMode="0" capitalization="0" allowHtml="0" textOrientation="horizontal" previewBkgrdColor="255,255,255,255">
    <text-buffer bufferDraw="1" bufferSize="0.3969" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0" />
    <dd_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </dd_properties>
   </text-style>
   <placement placement="3" placementFlags="10" centroidInside="1" centroidWhole="0" fitInPolygonOnly="0" dist="0" distUnits="MM" priority="5" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" repeatDistance="0" overrunDistance="0" offsetType="0" quadOffset="4" xOffset="0" yOffset="0" />
   <rendering scaleVisibility="1" scaleMin="0" scaleMax="30236" mergeLines="1" obstacle="1" obstacleFactor="1" obstacleType="1" displayAll="0" upsidedownLabels="0" labelPerPart="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" drawLabels="1" fontLimitPixelSize="0" zIndex="0" unplacedVisibility="0" />
   <dd_properties>
    <Option type="Map">
     <Option value="" name="name" type="QString" />
     <Option name="properties" />
     <Option value="collection" name="type" type="QString" />
    </Option>
   </dd_properties>
  </settings>
 </labeling>
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <layerOpacity>1</layerOpacity>
 <legend type="default-vector" showLabelLegend="0" />
 <aliases>
  <alias field="code" index="0" name="路段编码" />
  <alias field="road_name" index="1" name="道路" />
  <alias field="road_class" index="2" name="道路等级代码" />
  <alias field="name" index="3" name="路段" />
  <alias field="length_m" index="4" name="长度(m)" />
  <alias field="road_chief" index="5" name="路长" />
  <alias field="chief_user" index="6" name="路长账号" />
  <alias field="chief_id" index="7" name="路长编号" />
  <alias field="class_zh" index="8" name="道路等级" />
  <alias field="patrol_days" index="9" name="巡查周期(天)" />
  <alias field="open_cases" index="10" name="在办案件" />
  <alias field="last_patrol" index="11" name="上次巡查" />
  <alias field="patrol_status" index="12" name="巡查状态" />
 </aliases>
 <layerGeometryType>1</layerGeometryType>
</qgis>
