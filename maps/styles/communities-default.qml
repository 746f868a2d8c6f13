<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyAlgorithm="0" simplifyMaxScale="1" readOnly="0" symbologyReferenceScale="-1">
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
      <Option value="90,125,180,255" name="outline_color" type="QString" />
      <Option value="dash" name="outline_style" type="QString" />
      <Option value="0.3175" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="round" name="joinstyle" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
     </Option>
     <prop k="color" v="0,0,0,0" />
     <prop k="style" v="no" />
     <prop k="outline_color" v="90,125,180,255" />
     <prop k="outline_style" v="dash" />
     <prop k="outline_width" v="0.3175" />
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
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <layerOpacity>1</layerOpacity>
 <legend type="default-vector" showLabelLegend="0" />
 <aliases>
  <alias field="code" index="0" name="社区代码" />
  <alias field="street_code" index="1" name="街道代码" />
  <alias field="name" index="2" name="社区" />
 </aliases>
 <layerGeometryType>2</layerGeometryType>
</qgis>
