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
      <Option value="0,0,0,0" name="color" type="QString" />
      <Option value="no" name="style" type="QString" />
      <Option value="110,60,140,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.5821" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="round" name="joinstyle" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
     </Option>
     <prop k="color" v="0,0,0,0" />
     <prop k="style" v="no" />
     <prop k="outline_color" v="110,60,140,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.5821" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="joinstyle" v="round" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <labeling type="simple">
  <settings calloutType="simple">
   <text-style fieldName="name" isExpression="0" fontFamily="WenQuanYi Micro Hei" fontSize="9.75" fontSizeUnit="Point" fontWeight="75" textColor="90,40,110,255" textOpacity="1" namedStyle="Bold" fontItalic="0" fontUnderline="0" fontStrikeout="0" fontKerning="1" multilineHeight="1" blendMode="0" capitalization="0" allowHtml="0" textOrientation="horizontal" previewBkgrdColor="255,255,255,255">
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
   <rendering scaleVisibility="1" scaleMin="0" scaleMax="226772" mergeLines="0" obstacle="1" obstacleFactor="1" obstacleType="1" displayAll="0" upsidedownLabels="0" labelPerPart="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" drawLabels="1" fontLimitPixelSize="0" zIndex="0" unplacedVisibility="0" />
   <dd_properties>
    <Option type="Map">
     <Option value="" name="name" type="QString" />
     <Option name="properties" type="Map">
      <Option name="Size" type="Map">
       <Option value="true" name="active" type="bool" />
       <Option value="if(@map_scale &lt;= 30236, 12, 9.75)" name="expression" type="QString" />
       <Option value="3" name="type" type="int" />
      </Option>
     </Option>
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
  <alias field="code" index="0" name="街道代码" />
  <alias field="name" index="1" name="街道" />
 </aliases>
 <layerGeometryType>2</layerGeometryType>
</qgis>
