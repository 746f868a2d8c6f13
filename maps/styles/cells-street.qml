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
   <symbol alpha="1" force_rhr="0" name="0" type="fill" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleFill" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="247,214,169,255" name="color" type="QString" />
      <Option value="solid" name="style" type="QString" />
      <Option value="0,0,0,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="round" name="joinstyle" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
     </Option>
     <prop k="color" v="247,214,169,255" />
     <prop k="style" v="solid" />
     <prop k="outline_color" v="0,0,0,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="joinstyle" v="round" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="fillColor" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="array_get(array('#f7d6a9', '#c9e4c5', '#bcd4f5', '#f3c6d0', '#e1d3f1', '#fff2b3', '#c7ecec', '#f9d9bd', '#d7e9b9', '#d5d9f7', '#f2d0e6', '#e6e1c5'), array_find(aggregate(layer:='gridapp_streets', aggregate:='array_agg', expression:=&quot;code&quot;, order_by:=&quot;code&quot;), &quot;street_code&quot;) % 12)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
    <layer class="SimpleFill" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0,0,0,0" name="color" type="QString" />
      <Option value="no" name="style" type="QString" />
      <Option value="150,150,150,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="round" name="joinstyle" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
     </Option>
     <prop k="color" v="0,0,0,0" />
     <prop k="style" v="no" />
     <prop k="outline_color" v="150,150,150,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="joinstyle" v="round" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="@map_scale &lt; 22677" name="expression" type="QString" />
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
   <text-style fieldName="code" isExpression="0" fontFamily="WenQuanYi Micro Hei" fontSize="7.5" fontSizeUnit="Point" fontWeight="50" textColor="85,85,85,255" textOpacity="1" namedStyle="" fontItalic="0" fontUnderline="0" fontStrikeout="0" fontKerning="1" multilineHeight="1" blendMode="0" capitalization="0" allowHtml="0" textOrientation="horizontal" previewBkgrdColor="255,255,255,255">
    <text-buffer bufferDraw="1" bufferSize="0.3969" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0" />
    <dd_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </dd_properties>
   </text-style>
   <placement placement="1" placementFlags="10" centroidInside="1" centroidWhole="0" fitInPolygonOnly="0" dist="0" distUnits="MM" priority="5" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" repeatDistance="0" overrunDistance="0" offsetType="0" quadOffset="4" xOffset="0" yOffset="0" />
   <rendering scaleVisibility="1" scaleMin="0" scaleMax="5669" mergeLines="0" obstacle="1" obstacleFactor="1" obstacleType="1" displayAll="0" upsidedownLabels="0" labelPerPart="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" drawLabels="1" fontLimitPixelSize="0" zIndex="0" unplacedVisibility="0" />
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
 <layerOpacity>0.55</layerOpacity>
 <legend type="default-vector" showLabelLegend="0" />
 <aliases>
  <alias field="code" index="0" name="网格编码" />
  <alias field="community_code" index="1" name="社区代码" />
  <alias field="street_code" index="2" name="街道代码" />
  <alias field="community" index="3" name="社区" />
  <alias field="street" index="4" name="街道" />
  <alias field="area_m2" index="5" name="面积(m²)" />
  <alias field="grid_worker" index="6" name="网格员" />
  <alias field="worker_user" index="7" name="网格员账号" />
  <alias field="open_cases" index="8" name="在办案件" />
  <alias field="overdue" index="9" name="超期案件" />
 </aliases>
 <layerGeometryType>2</layerGeometryType>
</qgis>
